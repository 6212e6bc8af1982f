/**
 * 风险交流 (issue 20): drafts of a 消费提示 or 风险警示 made from a confirmed alert, in the usual official form
 * (title, what was found, advice to consumers, issuing office, date), edited by people and approved by the
 * food-safety office before anything is published. The plans ask for 风险预警交流 and 消费提示 (蓟州 2018 三（八）3．,
 * 西青 2021 23., 河北 2023 （十六））.
 */
package org.foodrisk.communication;
