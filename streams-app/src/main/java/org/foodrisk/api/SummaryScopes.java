package org.foodrisk.api;

import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a summary above one district may cover (issue 20): the city ({@code city}, 天津市's 16 districts) and every
 * group of districts configured as a region —
 * <pre>
 * foodrisk.regions.huancheng.name=环城四区
 * foodrisk.regions.huancheng.districts=120110,120111,120112,120113
 * </pre>
 * — each answering {@code GET /api/v1/summaries/<id>/<period>} as the city does. A region naming a district that does
 * not exist, or none, stops the start with the reason: a summary silently missing a district is worse than none.
 */
@Singleton
public class SummaryScopes {

    /** A scope of the city-level summary: its id in paths, its name in the summary, its districts. */
    public record Scope(String id, String name, List<District> districts) {
    }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final List<Scope> scopes;

    public SummaryScopes(Environment environment) {
        List<Scope> all = new ArrayList<>();
        all.add(new Scope(SummaryService.CITY, "天津市", Districts.all()));
        TreeSet<String> ids = new TreeSet<>();
        environment.getProperties("foodrisk.regions", StringConvention.RAW).keySet()
                .forEach(key -> ids.add(key.split("[.\\[]", 2)[0]));
        for (String id : ids) {
            String prefix = "foodrisk.regions." + id;
            if (!ID.matcher(id).matches() || SummaryService.CITY.equals(id)) {
                throw new IllegalStateException(prefix + ": a region's id is lower-case letters, digits and '-', not "
                        + SummaryService.CITY);
            }
            String name = environment.getProperty(prefix + ".name", String.class)
                    .orElseThrow(() -> new IllegalStateException(prefix + ".name is required"));
            String[] codes = environment.getProperty(prefix + ".districts", String[].class).orElse(new String[0]);
            List<District> districts = new ArrayList<>();
            for (String code : codes) {
                districts.add(Districts.byCode(code.strip()).orElseThrow(() -> new IllegalStateException(
                        prefix + ".districts: no district has the code " + code.strip())));
            }
            if (districts.isEmpty()) {
                throw new IllegalStateException(prefix + ".districts names no district");
            }
            all.add(new Scope(id, name, List.copyOf(districts)));
        }
        this.scopes = List.copyOf(all);
    }

    /** The city first, then the configured regions by id. */
    public List<Scope> all() {
        return scopes;
    }

    public Optional<Scope> byId(String id) {
        return scopes.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
