# What make-farrington-fixtures.R (R's undated sts) and make-farrington-dated-fixtures.R (the same series with
# dates) share: number formatting, the judged ranges, R's configurations, and one run of each method turned
# into fixture rows (columns date,observed,expected,threshold,alarm,statistic,pvalue). Sourced from the
# repository root, where both scripts run.

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))

# algo.farrington does not return pred$fit: traced inside algo.farrington.threshold. `<<-` from the tracer
# lands in the global environment, where tracedFit lives.
tracedFit <- NULL
trace("algo.farrington.threshold", where = asNamespace("surveillance"), print = FALSE,
      tracer = quote(tracedFit <<- c(tracedFit, pred$fit)))

# Judged periods: the last ~2 years of the weekly series (salmNewport: from August 2011, before its large
# autumn 2011 outbreak), the last 90 days of the daily one.
rangeOf <- function(name, n) {
  switch(name,
         "salmNewport-DE" = 399:n,
         "sim-daily" = (n - 89):n,
         265:n)
}

# farrington()'s defaults as the Java side reads them, spelled out.
farringtonDefaults <- list(b = 5, w = 3, reweight = TRUE, alpha = 0.05, trend = TRUE, limit54 = c(5, 4),
                           powertrans = "2/3")

# farringtonFlexible's own defaults, spelled out for the record (pastWeeksNotIncluded NULL means w):
rDefaults <- list(b = 5, w = 3, reweight = TRUE, weightsThreshold = 2.58, alpha = 0.05, trend = TRUE,
                  pThresholdTrend = 0.05, limit54 = c(5, 4), powertrans = "2/3", noPeriods = 1,
                  pastWeeksNotIncluded = NULL, thresholdMethod = "delta")
noufaily <- modifyList(rDefaults, list(thresholdMethod = "nbPlugin", noPeriods = 10, weightsThreshold = 1,
                                       pastWeeksNotIncluded = 26))

# farrington() on the sts x (counts y, period dates) over range: expected = pred$fit, statistic = R's X where
# the 5-in-4 rule allows an alarm (else 0), pvalue = 1 - control$pd[, 1].
farringtonRows <- function(x, y, dates, range, control) {
  tracedFit <<- NULL
  res <- farrington(x, control = modifyList(list(range = range), control))
  stopifnot(length(tracedFit) == length(range))
  upper <- as.numeric(upperbound(res))
  obs <- as.numeric(observed(res))
  enough <- sapply(range, function(k) sum(y[(k - 3):k]) >= 5)
  data.frame(date = format(dates[range]), observed = obs, expected = fmt(tracedFit),
             threshold = fmt(upper), alarm = as.integer(alarms(res)),
             statistic = fmt(ifelse(enough, (obs - tracedFit) / (upper - tracedFit), 0)),
             pvalue = fmt(1 - res@control$pd[, 1]))
}

# farringtonFlexible() on the sts x over range: expected, statistic and pvalue as R's control reports them.
flexibleRows <- function(x, dates, range, control) {
  res <- farringtonFlexible(x, control = c(list(range = range), control))
  data.frame(date = format(dates[range]), observed = as.numeric(observed(res)),
             expected = fmt(as.numeric(res@control$expected)),
             threshold = fmt(as.numeric(upperbound(res))), alarm = as.integer(alarms(res)),
             statistic = fmt(as.numeric(res@control$score)), pvalue = fmt(as.numeric(res@control$pvalue)))
}
