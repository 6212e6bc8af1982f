package org.foodrisk.disclosure;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What to publish: one district's results known (reported) from {@code from} to {@code to}, both days included,
 * of the programs {@code programs} admits.
 *
 * <p>A period holds the results <em>reported</em> in it (the lab's reportedAt, else sampledAt): a result can be
 * published only once its report is signed, and a sample taken late in one month is reported in the next —
 * publishing by sampling date would keep changing last month's table.
 *
 * @param district         a district code or name, as the contract allows either
 * @param announcementNo   公告号, which the office assigns when it publishes; null leaves the column empty and
 *                         the notes say so
 * @param announcementDate 公告日期, likewise
 * @param programs         which programs the tables hold; by default 监督抽检 proper ({@link #SUPERVISION})
 * @param programsLabel    how the notes name that choice
 */
public record DisclosureRequest(String district, LocalDate from, LocalDate to, String announcementNo,
                                LocalDate announcementDate, Predicate<String> programs, String programsLabel) {

    /** 国抽/省抽/市抽/区抽/县抽/监督抽查: the 监督抽检 whose results the 办法 asks to publish. */
    public static final String SUPERVISION = "监督抽检（国抽、省抽、市抽、区抽、县抽、监督抽查）";

    public DisclosureRequest {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(programs, "programs");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
