package org.foodrisk.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.foodrisk.disclosure.DisclosureCsv;
import org.foodrisk.disclosure.DisclosureRequest;
import org.foodrisk.disclosure.DisclosureTables;
import org.foodrisk.disclosure.DisclosureWorkbook;
import org.foodrisk.disclosure.SamplingDisclosure;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.query.DisposalCaseReader;
import org.foodrisk.query.SamplingResultsScan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * 抽检信息公开 export (issue 20): GET /api/v1/sampling-disclosure — one district's sampling results reported
 * in a period, in the tables district offices publish.
 * <ul>
 *   <li>{@code district} (code or name), {@code from}, {@code to} (days, both included; at most 366 days);</li>
 *   <li>{@code format}: {@code xlsx} (default: sheets 不合格, 合格 and 说明), {@code csv} (one table, {@code table}
 *       = 不合格 (default) or 合格) or {@code json} (the counts, the 不合格 rows and what is lacking — a preview);</li>
 *   <li>{@code programs}: 监督抽检 (default: 国抽 … 监督抽查, what the 办法 asks to publish), 全部, or a list of
 *       programs separated by commas;</li>
 *   <li>{@code announcementNo}, {@code announcementDate}: 公告号 and 公告日期, which the office assigns when it
 *       publishes; without them the columns stay empty and 说明 says so.</li>
 * </ul>
 * Any signed-in user may export (it is a read). The file is a draft for a person to check and publish: nothing
 * leaves the service by itself.
 */
@Controller("/api/v1")
public class SamplingDisclosureController {

    static final int MAX_DAYS = 366;
    static final int MAX_JSON_ROWS = 5_000;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SamplingResultsScan scan;
    private final DisposalCaseReader cases;
    private final ZoneId zone;

    public SamplingDisclosureController(SamplingResultsScan scan, DisposalCaseReader cases,
                                        @Value("${foodrisk.zone:Asia/Shanghai}") ZoneId zone) {
        this.scan = scan;
        this.cases = cases;
        this.zone = zone;
    }

    @Get("/sampling-disclosure")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> export(@QueryValue String district, @QueryValue LocalDate from, @QueryValue LocalDate to,
                                  @QueryValue(defaultValue = "xlsx") String format,
                                  @QueryValue(defaultValue = DisclosureTables.FAILED) String table,
                                  @QueryValue(defaultValue = "监督抽检") String programs,
                                  @Nullable @QueryValue String announcementNo,
                                  @Nullable @QueryValue LocalDate announcementDate) throws IOException {
        RequestedValues.requireValid(RequestedValues.first(
                RequestedValues.outOfRange("from", from), RequestedValues.outOfRange("to", to),
                RequestedValues.outOfRange("announcementDate", announcementDate),
                RequestedValues.notAKeyPart("district", district)));
        if (district.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "district is a district code or name");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "from … to is a period of 1 to " + MAX_DAYS + " days");
        }
        if (!Set.of("xlsx", "csv", "json").contains(format)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "format is xlsx, csv or json");
        }
        if (!Set.of(DisclosureTables.FAILED, DisclosureTables.PASSED).contains(table)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "table is 不合格 or 合格");
        }
        DisclosureRequest request = new DisclosureRequest(district.strip(), from, to, blankToNull(announcementNo),
                announcementDate, programFilter(programs), programsLabel(programs));
        SamplingDisclosure disclosure = SamplingDisclosure.of(request,
                scan.latestSince(from.atStartOfDay(zone).toInstant(), district.strip()), cases::get, zone,
                OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS));
        String name = "抽检信息公开_" + district.strip() + "_" + from + "_" + to;
        return switch (format) {
            case "json" -> HttpResponse.ok(preview(disclosure));
            case "csv" -> file(bytes(out -> DisclosureCsv.write(disclosure, table, out)), "text/csv; charset=UTF-8",
                    name + "_" + table + ".csv");
            default -> file(bytes(out -> DisclosureWorkbook.write(disclosure, out)), XLSX, name + ".xlsx");
        };
    }

    private static Map<String, Object> preview(SamplingDisclosure disclosure) {
        if (disclosure.failed().size() > MAX_JSON_ROWS) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "more than " + MAX_JSON_ROWS
                    + " 不合格 rows: ask for format=xlsx or csv");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("district", disclosure.request().district());
        body.put("districtName", disclosure.districtName());
        body.put("from", disclosure.request().from());
        body.put("to", disclosure.request().to());
        body.put("programs", disclosure.request().programsLabel());
        body.put("failedCount", disclosure.failed().size());
        body.put("passedCount", disclosure.passed().size());
        body.put("lacking", disclosure.lacking());
        body.put("failed", disclosure.failed());
        body.put("generatedAt", disclosure.generatedAt());
        return body;
    }

    /** 监督抽检 (the default), 全部, or programs named one by one. */
    static Predicate<String> programFilter(String programs) {
        return switch (programs.strip()) {
            case "监督抽检" -> SamplingPrograms::isSupervision;
            case "全部" -> program -> true;
            default -> {
                Set<String> named = Arrays.stream(programs.split("[,，、]")).map(String::strip)
                        .filter(p -> !p.isEmpty()).collect(Collectors.toSet());
                yield named::contains;
            }
        };
    }

    static String programsLabel(String programs) {
        return switch (programs.strip()) {
            case "监督抽检" -> DisclosureRequest.SUPERVISION;
            case "全部" -> "全部任务来源";
            default -> programs.strip();
        };
    }

    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    /** A download; the file name in ASCII for old clients and in UTF-8 (RFC 6266 / 5987) for the rest. */
    private static HttpResponse<byte[]> file(byte[] body, String type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String utf8 = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(body).contentType(MediaType.of(type))
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
