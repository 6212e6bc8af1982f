package org.foodrisk.topology;

import org.foodrisk.detect.ComparableDays;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.Farrington;
import org.foodrisk.detect.aberration.FarringtonFlexible;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.reference.HolidayCalendar;

/** The count-aberration rules the settings choose, for food categories ({@link DailyCountWiring}) and syndromes. */
final class CountAberrationRules {

    private CountAberrationRules() {
    }

    /**
     * The daily rule (foodrisk.detect.count-method) for one kind of series, judged on each series' own history; null
     * for food categories when the count-method is the pooled model ({@link #pooled}), which judges them instead.
     */
    static CountAberrationRule daily(CountAberrationSettings settings, LevelPolicy levels,
                                     CountAberrationRule.Dimension dimension) {
        if (settings.pooled() && dimension == CountAberrationRule.Dimension.FOOD_CATEGORY) {
            return null;
        }
        return new CountAberrationRule(settings.perSeriesDailyMethod(), settings.countHistoryDays(),
                settings.countMinEvents(), dimension, levels).withBudget(settings.dailyBudgetAlpha());
    }

    /** The rule that words the pooled model's verdicts on food-category days (only when the settings choose it). */
    static CountAberrationRule pooled(CountAberrationSettings settings, LevelPolicy levels) {
        return CountAberrationRule.describing(CountAberrationSettings.POOLED_METHOD, POOLED_CITATION,
                settings.countMinEvents(), levels, Frequency.DAY);
    }

    /**
     * The rule that words the pooled model's verdicts on food-category weeks ({@code |周} alerts, as the weekly
     * Farrington's; only when the settings choose it).
     */
    static CountAberrationRule pooledWeekly(CountAberrationSettings settings, LevelPolicy levels) {
        return CountAberrationRule.describing(CountAberrationSettings.POOLED_METHOD, POOLED_WEEKLY_CITATION,
                settings.countMinEvents(), levels, Frequency.WEEK);
    }

    static final String POOLED_CITATION = "Pooled negative-binomial GLM across a city's districts (MASS::glm.nb: district,"
            + " weekday, holiday, log sampling effort as offset; Farrington et al. 1996 and Noufaily et al. 2013 for the"
            + " down-weighting of past outbreaks), predictive upper tail probability of the day's count";

    static final String POOLED_WEEKLY_CITATION = "Pooled negative-binomial GLM across a city's districts on ISO-week"
            + " sums (MASS::glm.nb: district, log weekly sampling effort as offset; Farrington et al. 1996 and Noufaily"
            + " et al. 2013 for the down-weighting of past outbreaks), predictive upper tail probability of the week's count";

    /**
     * The per-series weekly count rule, or null when foodrisk.detect.weekly-count-method is "none" or the pooled model
     * ({@link #pooledWeekly}), which judges food categories' weeks instead.
     */
    static CountAberrationRule weekly(CountAberrationSettings settings, LevelPolicy levels) {
        if ("none".equals(settings.weeklyCountMethod()) || settings.weeklyPooled()) {
            return null;
        }
        AberrationMethod method = AberrationMethods.create(settings.weeklyCountMethod(), settings.weeklyCountMethodOptions(), Frequency.WEEK);
        // History the method needs before a week (b years + w weeks for the Farrington family; else a year).
        int history = method instanceof FarringtonFlexible flexible ? flexible.requiredHistory()
                : method instanceof Farrington farrington ? farrington.requiredHistory() : 52;
        return new CountAberrationRule(method, history, settings.countMinEvents(), CountAberrationRule.Dimension.FOOD_CATEGORY,
                levels, Frequency.WEEK);
    }

    /** Which past days a day is compared with (foodrisk.detect.count-baseline), on China's holiday calendar. */
    static ComparableDays comparableDays(CountAberrationSettings settings) {
        return new ComparableDays(ComparableDays.Mode.of(settings.countBaseline()), HolidayCalendar.china());
    }
}
