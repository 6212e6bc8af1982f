## Fixtures for the EARS C1/C2/C3 and CUSUM detectors (org.foodrisk.detect.aberration).
##
## R and the package 'surveillance' (Debian: r-cran-surveillance) are only the generator of these
## fixtures: the Java tests read the CSVs this script writes and never call R.
##
##   cd statistics && Rscript src/test/r/make-ears-cusum-fixtures.R
##
## Writes to src/test/resources/fixtures/surveillance/:
##   <dataset>.input.csv         the input series, header date,unit,count (the backtest CLI's input)
##   <dataset>.<run>.csv         R's results, header date,unit,observed,expected,threshold,alarm,statistic
##                               (threshold = R's upperbound, alarm 0/1, NA where R gives NA)
##   ears-cusum-runs.csv         one row per run: fixture, input, frequency (week|day), method,
##                               range_start (empty: R's default range) and options ("k=0.5;h=4",
##                               names as the backtest CLI spells them)
##
## 'expected' and 'statistic' are not part of R's sts result; they are computed here in R from the
## same reference values earsC uses (EARS: baseline mean and the C value; C3 statistic is
## Hutwagner's sum over t-2..t of max(0, C2 - 1)) and taken from algo.cusum's own result for CUSUM
## (m and the cumulative sum).

suppressPackageStartupMessages(library(surveillance))
stopifnot(packageVersion("surveillance") >= "1.20")
## The CUSUM's reset after an alarm came with surveillance 1.25.0 (algo.cusum, control$reset). With an older
## package (Debian bookworm has 1.20.3) give the R source of a newer one's algo.cusum, R/algo_cusum.R, in
## SURVEILLANCE_ALGO_CUSUM: it replaces the installed function (pure R; the rest of the package is unchanged).
if (packageVersion("surveillance") < "1.25.0") {
  newer <- Sys.getenv("SURVEILLANCE_ALGO_CUSUM")
  if (!nzchar(newer)) stop("surveillance < 1.25.0 has no CUSUM reset: set SURVEILLANCE_ALGO_CUSUM to R/algo_cusum.R of 1.25.0 or later")
  code <- new.env(parent = asNamespace("surveillance"))
  sys.source(newer, envir = code)
  assignInNamespace("algo.cusum", code$algo.cusum, ns = "surveillance")
}

out <- file.path("src", "test", "resources", "fixtures", "surveillance")
dir.create(out, recursive = TRUE, showWarnings = FALSE)

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
flag <- function(x) ifelse(is.na(x), "NA", ifelse(as.logical(x), "1", "0"))

write_input <- function(dataset, series) {
  ## series: list of unit -> data.frame(date, count)
  rows <- do.call(rbind, lapply(names(series), function(u)
    data.frame(date = format(series[[u]]$date), unit = u, count = series[[u]]$count)))
  write.csv(rows, file.path(out, paste0(dataset, ".input.csv")), row.names = FALSE, quote = FALSE)
}

runs <- data.frame()
add_run <- function(fixture, input, freq, method, rangeStart, options) {
  runs <<- rbind(runs, data.frame(fixture = fixture, input = input,
                                  frequency = if (freq == 365) "day" else "week", method = method,
                                  range_start = rangeStart, options = options))
}

as_sts <- function(count, freq) sts(observed = matrix(count, ncol = 1), start = c(2000, 1), frequency = freq)

## Mean and sd of the EARS reference values, as earsC forms them (lag 0 for C1, 2 for C2/C3).
ears_reference <- function(y, t, baseline, lag) {
  ref <- y[(t - lag - baseline):(t - lag - 1)]
  c(mean = mean(ref), sd = sd(ref))
}

ears_rows <- function(y, dates, unit, method, baseline = 7, minSigma = 0,
                      alpha = if (method == "C3") 0.025 else 0.001) {
  res <- earsC(as_sts(y, 52), control = list(method = method, baseline = baseline,
                                             minSigma = minSigma, alpha = alpha))
  range <- seq_len(length(y))[-seq_len(switch(method, C1 = baseline, C2 = baseline + 2,
                                              C3 = baseline + 4))]
  stopifnot(length(range) == nrow(observed(res)))
  lag <- if (method == "C1") 0 else 2
  c2 <- function(t) {
    r <- ears_reference(y, t, baseline, lag)
    (y[t] - r[["mean"]]) / pmax(r[["sd"]], minSigma)
  }
  expected <- sapply(range, function(t) ears_reference(y, t, baseline, lag)[["mean"]])
  statistic <- if (method == "C3") {
    sapply(range, function(t) sum(pmax(0, sapply((t - 2):t, c2) - 1)))
  } else {
    sapply(range, c2)
  }
  data.frame(date = format(dates[range]), unit = unit, observed = num(y[range]),
             expected = num(expected), threshold = num(as.vector(upperbound(res))),
             alarm = flag(as.vector(alarms(res))), statistic = num(statistic))
}

## control: list for surveillance::cusum (without range); freq: 52 or 365.
cusum_rows <- function(y, dates, unit, rangeStart, control, freq) {
  s <- as_sts(y, freq)
  control$range <- rangeStart:length(y)
  res <- cusum(s, control = control)
  direct <- surveillance:::algo.cusum(sts2disProg(s), control = control)   # for m and the cumulative sum
  stopifnot(all.equal(as.vector(upperbound(res)), as.vector(direct$upperbound)))
  m <- rep_len(as.vector(direct$control$m), length(control$range))
  data.frame(date = format(dates[control$range]), unit = unit, observed = num(y[control$range]),
             expected = num(m), threshold = num(as.vector(upperbound(res))),
             alarm = flag(as.vector(alarms(res))), statistic = num(as.vector(direct$cusum)))
}

write_result <- function(dataset, run, rows) {
  file <- paste0(dataset, ".", run, ".csv")
  write.csv(rows, file.path(out, file), row.names = FALSE, quote = FALSE)
  file
}

## Runs every EARS variant with R's defaults on each unit of a dataset, and the CUSUM with R's
## defaults (m = mean of the periods before the range, trans "standard", k 1.04, h 2.26) from the
## first period the detector accepts (7 periods of history, so R's range is 8:n).
default_runs <- function(dataset, series, freq) {
  input <- paste0(dataset, ".input.csv")
  for (method in c("C1", "C2", "C3")) {
    rows <- do.call(rbind, lapply(names(series), function(u)
      ears_rows(series[[u]]$count, series[[u]]$date, u, method)))
    add_run(write_result(dataset, paste0("ears-", tolower(method)), rows), input, freq,
            paste0("ears-", tolower(method)), "", "")
  }
  rows <- do.call(rbind, lapply(names(series), function(u)
    cusum_rows(series[[u]]$count, series[[u]]$date, u, 8, list(), freq)))
  add_run(write_result(dataset, "cusum", rows), input, freq, "cusum", "", "")
}

## EARS with non-default parameters on every unit, over R's default range.
ears_variant <- function(dataset, series, freq, method, run, baseline, minSigma, alpha, options) {
  rows <- do.call(rbind, lapply(names(series), function(u)
    ears_rows(series[[u]]$count, series[[u]]$date, u, method, baseline, minSigma, alpha)))
  add_run(write_result(dataset, run, rows), paste0(dataset, ".input.csv"), freq,
          paste0("ears-", tolower(method)), "", options)
}

cusum_variant <- function(dataset, series, freq, run, rangeStart, control, options) {
  rows <- do.call(rbind, lapply(names(series), function(u)
    cusum_rows(series[[u]]$count, series[[u]]$date, u, rangeStart, control, freq)))
  add_run(write_result(dataset, run, rows), paste0(dataset, ".input.csv"), freq, "cusum",
          format(series[[1]]$date[rangeStart]), options)
}

## 1. Simulated point-source outbreaks (sim.pointSource, the earsC help page's example), weekly.
set.seed(20240501)
ps <- sim.pointSource(p = 0.99, r = 0.5, length = 208, A = 1, alpha = 1, beta = 0, phi = 0,
                      frequency = 1, state = NULL, K = 1.7)
sim <- list("sim-pointsource" = data.frame(
  date = seq(as.Date("2020-01-06"), by = "week", length.out = 208), count = ps$observed))
write_input("sim-pointsource", sim)
default_runs("sim-pointsource", sim, 52)
cusum_variant("sim-pointsource", sim, 52, "cusum-rossi", 53, list(trans = "rossi"), "trans=rossi")
cusum_variant("sim-pointsource", sim, 52, "cusum-k0.5-h4", 53, list(k = 0.5, h = 4), "k=0.5;h=4")
cusum_variant("sim-pointsource", sim, 52, "cusum-k0.5-h4-reset", 53, list(k = 0.5, h = 4, reset = TRUE),
              "k=0.5;h=4;reset=true")

## 2. A daily seasonal negative-binomial series (Noufaily et al. 2013 style: log-linear trend-free
##    seasonality, overdispersion) with injected outbreaks of known start and size spread by a
##    lognormal onset distribution, plus a sparse unit (mostly zeros) that exercises zero-variance
##    baselines. Daily sts frequency 365.
set.seed(20240502)
days <- seq(as.Date("2023-01-01"), as.Date("2023-08-31"), by = "day")
n <- length(days); tt <- seq_len(n)
outbreak <- function(y, start, size) {
  onsets <- start + floor(rlnorm(size, meanlog = 0, sdlog = 0.5))
  onsets <- onsets[onsets <= length(y)]
  y + tabulate(onsets, nbins = length(y))
}
mu <- exp(log(4) + 0.5 * cos(2 * pi * tt / 365) + 0.3 * sin(2 * pi * tt / 365))
busy <- rnbinom(n, mu = mu, size = 3)
busy <- outbreak(busy, 120, 30); busy <- outbreak(busy, 200, 20)
sparse <- rnbinom(n, mu = 0.3, size = 1)
sparse <- outbreak(sparse, 150, 8)
daily <- list("120116-illness" = data.frame(date = days, count = busy),
              "120221-complaint" = data.frame(date = days, count = sparse))
write_input("daily-nb", daily)
default_runs("daily-nb", daily, 365)
cusum_variant("daily-nb", daily, 365, "cusum-glm", 91, list(m = "glm"), "m=glm")
cusum_variant("daily-nb", daily, 365, "cusum-glm-reset", 91, list(m = "glm", reset = TRUE), "m=glm;reset=true")
cusum_variant("daily-nb", daily, 365, "cusum-none-reset", 29, list(trans = "none", k = 3, h = 10, reset = TRUE),
              "trans=none;k=3;h=10;reset=true")
cusum_variant("daily-nb", daily, 365, "cusum-anscombe", 29, list(trans = "anscombe"), "trans=anscombe")
cusum_variant("daily-nb", daily, 365, "cusum-anscombe2nd", 29, list(trans = "anscombe2nd"),
              "trans=anscombe2nd")
cusum_variant("daily-nb", daily, 365, "cusum-pearsonnegbin", 29,
              list(trans = "pearsonNegBin", alpha = 0.2), "trans=pearsonNegBin;alpha=0.2")
cusum_variant("daily-nb", daily, 365, "cusum-none", 29, list(trans = "none", k = 3, h = 10),
              "trans=none;k=3;h=10")

## 3. The package's example data: hepatitis A in Berlin 2001-2006 (ha.sts, 12 districts),
##    aggregated to one unit; week 1 of 2001 starts on Monday 2001-01-01.
data("ha.sts")
ha <- aggregate(ha.sts, by = "unit")
berlin <- list("berlin-hepatitis-a" = data.frame(
  date = seq(as.Date("2001-01-01"), by = "week", length.out = nrow(ha)),
  count = as.vector(observed(ha))))
write_input("ha-berlin", berlin)
default_runs("ha-berlin", berlin, 52)
ears_variant("ha-berlin", berlin, 52, "C1", "ears-c1-b10-ms0.5", 10, 0.5, 0.01,
             "baseline=10;min-sigma=0.5;alpha=0.01")
ears_variant("ha-berlin", berlin, 52, "C2", "ears-c2-b5-ms1", 5, 1, 0.05,
             "baseline=5;min-sigma=1;alpha=0.05")
ears_variant("ha-berlin", berlin, 52, "C3", "ears-c3-ms0.5", 7, 0.5, 0.025, "min-sigma=0.5")
cusum_variant("ha-berlin", berlin, 52, "cusum-rossi-glm", 105, list(trans = "rossi", m = "glm"),
              "trans=rossi;m=glm")

## 4. A hand-made sparse weekly series whose first weeks are all zero: zero-variance EARS baselines
##    and a zero CUSUM mean, where R's arithmetic gives Inf/NaN (alarm NA, C3 upperbound NA, CUSUM
##    upperbound 0). Pins down that we reproduce R there too.
zero <- list("zero-baseline" = data.frame(
  date = seq(as.Date("2024-01-01"), by = "week", length.out = 30),
  count = c(rep(0, 12), 1, 0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0)))
write_input("zero-baseline", zero)
default_runs("zero-baseline", zero, 52)

write.csv(runs, file.path(out, "ears-cusum-runs.csv"), row.names = FALSE, quote = FALSE)
cat("surveillance", format(packageVersion("surveillance")), "- wrote", nrow(runs), "runs to", out, "\n")
