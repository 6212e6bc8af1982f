/**
 * 会商 records (issue 20): what a risk consultation meeting of a district's 食安委/食安办 decided, kept and
 * followed to completion. The plans ask for 形势分析 and 风险会商 across departments (武清 2024 （三）（十二）,
 * 蓟州 2018 三（八）2．3．, 河北 2023 （十二））; a meeting's decisions name a responsible unit and a due date and
 * are tracked like actions, and the next period's summary says what became of them.
 */
package org.foodrisk.consultation;
