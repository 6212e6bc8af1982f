# Fixtures for the Farrington methods (org.foodrisk.detect.aberration.Farrington and
# FarringtonFlexible), made with the reference implementation, R package `surveillance`.
# R is only a fixture generator: nothing in the build or CI runs R.
#
#   Rscript statistics/src/test/r/make-farrington-fixtures.R   (from the repository root)
#
# Writes into statistics/src/test/resources/fixtures/surveillance/:
#   farrington-input.csv                    date,unit,count       (every series, every period)
#   farrington.csv                          farrington(), R defaults
#   farrington-flexible.csv                 farringtonFlexible(), R defaults
#   farrington-flexible-noufaily.csv        farringtonFlexible(), Noufaily et al. (2013)'s recommendation
#   farrington-variants.csv                 other settings (columns method,options first; options as the
#                                           Java fromOptions names, "name=value" joined by ";")
# Output columns: date,unit,observed,expected,threshold,alarm,statistic,pvalue
#   threshold = sts upperbound; alarm 0/1; NA where R gives NA.
#   farrington:  expected = pred$fit (traced inside algo.farrington.threshold, which R does not return),
#                statistic = (observed - expected) / (threshold - expected) when the 5-in-4 rule allows
#                an alarm, else 0 (R's X), pvalue = 1 - control$pd[, 1].
#   flexible:    expected = control$expected, statistic = control$score, pvalue = control$pvalue.
#
# Series are `sts` objects without dates (epochAsDate = FALSE), so reference periods are counted in
# periods (52 a year, 365 for the daily series), as the Java implementation does with option
# epoch-as-date=false; the dates in the CSVs only label the periods. make-farrington-dated-fixtures.R
# runs the same series with their dates (R's calendar-year mode, the Java default).

suppressMessages(library(surveillance))
stopifnot(packageVersion("surveillance") >= "1.20")
cat("surveillance", as.character(packageVersion("surveillance")), "on", R.version.string, "\n")

args <- commandArgs(trailingOnly = TRUE)
outDir <- if (length(args) > 0) args[1] else "statistics/src/test/resources/fixtures/surveillance"
dir.create(outDir, recursive = TRUE, showWarnings = FALSE)

set.seed(20240601)

## ---- Simulated series as in Noufaily et al. (2013), section 4 -------------------------------
# Baseline mean exp(theta + beta t + sum_j gamma1 cos(2 pi j t / f) + gamma2 sin(2 pi j t / f)),
# negative binomial counts with variance phi * mean (Poisson when phi = 1). Outbreaks: start at a
# random period, size Poisson(k * sd of the baseline count there), cases spread over the following
# periods by a lognormal(0, 0.5) delay (in weeks), as in the paper.
simulate <- function(n, f, theta, beta, gamma1, gamma2, m, phi, outbreakStarts, k) {
  t <- seq_len(n)
  season <- 0
  for (j in seq_len(m)) {
    season <- season + gamma1 * cos(2 * pi * j * t / f) + gamma2 * sin(2 * pi * j * t / f)
  }
  mu <- exp(theta + beta * t + season)
  y <- if (phi == 1) rpois(n, mu) else rnbinom(n, mu = mu, size = mu / (phi - 1))
  periodsPerWeek <- if (f == 365) 7 else 1
  for (i in seq_along(outbreakStarts)) {
    s <- outbreakStarts[i]
    size <- rpois(1, k[i] * sqrt(phi * mu[s]))
    if (size > 0) {
      delay <- floor(rlnorm(size, 0, 0.5) * periodsPerWeek)
      at <- s + delay
      at <- at[at <= n]
      for (a in at) y[a] <- y[a] + 1
    }
  }
  y
}

weeks <- 7 * 52
weeklyDates <- seq(as.Date("2017-01-02"), by = "1 week", length.out = weeks)
series <- list(
  # moderate counts, one seasonal harmonic, overdispersed; outbreaks in baseline and evaluation years
  "sim-seasonal" = list(
    dates = weeklyDates, freq = 52,
    y = simulate(weeks, 52, theta = 1.5, beta = 0, gamma1 = 0.6, gamma2 = 0.6, m = 1, phi = 1.5,
                 outbreakStarts = c(40, 130, 200, 250, 290, 330), k = c(6, 8, 4, 10, 5, 8))),
  # rare events (Poisson), two harmonics: many points under the 5-in-4 rule, phi floored at 1
  "sim-low" = list(
    dates = weeklyDates, freq = 52,
    y = simulate(weeks, 52, theta = -0.3, beta = 0, gamma1 = 0.5, gamma2 = 0.3, m = 2, phi = 1,
                 outbreakStarts = c(60, 170, 300, 340), k = c(8, 6, 10, 7))),
  # larger counts with an upward trend and strong overdispersion
  "sim-trend" = list(
    dates = weeklyDates, freq = 52,
    y = simulate(weeks, 52, theta = 2.5, beta = 0.0025, gamma1 = 0.3, gamma2 = -0.4, m = 1, phi = 3,
                 outbreakStarts = c(100, 210, 280, 320), k = c(5, 7, 6, 4)))
)

# Package data: Salmonella Newport in Germany (data(salmNewport), 16 states summed), weekly 2004-2014.
data(salmNewport)
series[["salmNewport-DE"]] <- list(dates = epoch(salmNewport), freq = 52,
                                   y = as.integer(rowSums(observed(salmNewport))))

# One daily series: 5 years + 90 days, R's freq 365 (reference periods 365 days apart).
days <- 5 * 365 + 3 + 90
series[["sim-daily"]] <- list(
  dates = seq(as.Date("2019-01-01"), by = "1 day", length.out = days), freq = 365,
  y = simulate(days, 365, theta = 0.8, beta = 0, gamma1 = 0.5, gamma2 = 0.2, m = 1, phi = 1.3,
               outbreakStarts = c(400, 1200, days - 50), k = c(6, 8, 8)))

## ---- Run R --------------------------------------------------------------------------------
source("statistics/src/test/r/farrington-common.R")
undated <- function(s) sts(observed = s$y, frequency = s$freq, start = c(2000, 1))

input <- NULL
outputs <- list(farrington = NULL, flexible = NULL, noufaily = NULL)
for (name in names(series)) {
  s <- series[[name]]
  n <- length(s$y)
  range <- rangeOf(name, n)
  input <- rbind(input, data.frame(date = format(s$dates), unit = name, count = s$y))
  add <- function(old, new) rbind(old, cbind(new[, 1, drop = FALSE], unit = name, new[, -1]))
  outputs$farrington <- add(outputs$farrington, farringtonRows(undated(s), s$y, s$dates, range, farringtonDefaults))
  outputs$flexible <- add(outputs$flexible, flexibleRows(undated(s), s$dates, range, rDefaults))
  outputs$noufaily <- add(outputs$noufaily, flexibleRows(undated(s), s$dates, range, noufaily))
  cat(sprintf("%-15s n=%4d judged=%3d alarms: farrington %2d, flexible %2d, noufaily %2d\n", name, n,
              length(range), sum(tail(outputs$farrington$alarm, length(range))),
              sum(tail(outputs$flexible$alarm, length(range))), sum(tail(outputs$noufaily$alarm, length(range)))))
}

## ---- Variants: the other switches, on a trending series and on the package data -------------
# Option names are the Java ones (R's control names in kebab case); toControl maps them back.
variants <- list(
  list(method = "farrington", options = c("power-trans" = "1/2")),
  list(method = "farrington", options = c("power-trans" = "none", "reweight" = "false")),
  list(method = "farrington", options = c("trend" = "false", "b" = "3", "w" = "2", "alpha" = "0.01")),
  list(method = "farrington-flexible", options = c("threshold-method" = "muan")),
  list(method = "farrington-flexible", options = c("power-trans" = "none", "weights-threshold" = "1",
                                                   "p-threshold-trend" = "0.1")),
  list(method = "farrington-flexible", options = c("threshold-method" = "nbPlugin", "no-periods" = "4",
                                                   "past-weeks-not-included" = "0")),
  list(method = "farrington-flexible", options = c("reweight" = "false", "trend" = "false", "b" = "3",
                                                   "power-trans" = "1/2")),
  list(method = "farrington-flexible", options = c("threshold-method" = "muan", "no-periods" = "10",
                                                   "weights-threshold" = "1", "past-weeks-not-included" = "26"))
)
rNames <- c("b" = "b", "w" = "w", "reweight" = "reweight", "weights-threshold" = "weightsThreshold",
            "alpha" = "alpha", "trend" = "trend", "p-threshold-trend" = "pThresholdTrend",
            "power-trans" = "powertrans", "threshold-method" = "thresholdMethod", "no-periods" = "noPeriods",
            "past-weeks-not-included" = "pastWeeksNotIncluded")
toControl <- function(options) {
  control <- list()
  for (name in names(options)) {
    value <- options[[name]]
    control[[rNames[[name]]]] <- switch(name,
      "reweight" = , "trend" = as.logical(toupper(value)),
      "power-trans" = , "threshold-method" = value,
      as.numeric(value))
  }
  control
}
variantRows <- NULL
for (v in variants) {
  optionText <- paste(names(v$options), v$options, sep = "=", collapse = ";")
  for (name in c("sim-trend", "salmNewport-DE")) {
    s <- series[[name]]
    range <- tail(rangeOf(name, length(s$y)), 40)
    control <- toControl(v$options)
    out <- if (v$method == "farrington") {
      farringtonRows(undated(s), s$y, s$dates, range, control) # the variant's control on R's own defaults
    } else {
      flexibleRows(undated(s), s$dates, range, modifyList(rDefaults, control))
    }
    variantRows <- rbind(variantRows, cbind(method = v$method, options = optionText,
                                            out[, 1, drop = FALSE], unit = name, out[, -1]))
  }
  cat(sprintf("variant %-20s %-70s alarms %d\n", v$method, optionText, sum(tail(variantRows$alarm, 80))))
}
untrace("algo.farrington.threshold", where = asNamespace("surveillance"))
write.csv(variantRows, file.path(outDir, "farrington-variants.csv"), row.names = FALSE, quote = FALSE)

write.csv(input, file.path(outDir, "farrington-input.csv"), row.names = FALSE, quote = FALSE)
write.csv(outputs$farrington, file.path(outDir, "farrington.csv"), row.names = FALSE, quote = FALSE)
write.csv(outputs$flexible, file.path(outDir, "farrington-flexible.csv"), row.names = FALSE, quote = FALSE)
write.csv(outputs$noufaily, file.path(outDir, "farrington-flexible-noufaily.csv"), row.names = FALSE, quote = FALSE)
