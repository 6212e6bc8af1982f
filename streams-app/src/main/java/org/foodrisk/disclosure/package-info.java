/**
 * 抽检信息公开 (issue 20): a period's sampling results in the tables district offices publish — 不合格 with
 * what failed and its 核查处置, 合格 — as XLSX and CSV. The plans ask for it (蓟州 2018 三（八）1．, 西青 2021 5.,
 * XX县 2024 三、); SAMR's 《食品安全抽样检验管理办法》 (2019) 第四十五条 asks for the results of 监督抽检 and the
 * 核查处置 of 不合格 food to be made public. What the records lack is listed, never invented.
 */
package org.foodrisk.disclosure;
