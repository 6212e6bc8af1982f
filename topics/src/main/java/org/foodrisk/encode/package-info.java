/**
 * Output encoding (issue 14): one function per output format, applied to every field that came
 * from outside (headlines, evidence summaries, business, food and unit names) where it is written
 * into that format — never to the structure the service writes itself.
 * <ul>
 *   <li>{@link org.foodrisk.encode.Markdown#inline} — CommonMark/GFM text: the 会商 summary;</li>
 *   <li>{@link org.foodrisk.encode.Html#text} — HTML text and double- or single-quoted attributes;</li>
 *   <li>{@link org.foodrisk.encode.ChatMarkdown#text} — 企业微信 / 钉钉 robot markdown;</li>
 *   <li>{@link org.foodrisk.encode.Csv#cell} — a CSV cell a spreadsheet will open.</li>
 * </ul>
 */
package org.foodrisk.encode;
