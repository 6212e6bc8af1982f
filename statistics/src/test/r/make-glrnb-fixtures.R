## Fixtures for the GLR detector (org.foodrisk.detect.aberration.GlrNb), R's algo.glrnb with
## change = "intercept", on the inputs make-ears-cusum-fixtures.R wrote.
##
## R and the package 'surveillance' (Debian: r-cran-surveillance) are only the generator of these
## fixtures: the Java tests read the CSVs this script writes and never call R.
##
##   cd statistics && Rscript src/test/r/make-glrnb-fixtures.R
##
## Writes to src/test/resources/fixtures/surveillance/:
##   <dataset>.<run>.csv   header date,unit,observed,expected,threshold,alarm,statistic: expected = the
##                         in-control mean mu0, threshold = upperbound with ret = "cases", statistic =
##                         upperbound with ret = "value" (the GLR statistic), alarm 0/1
##   glrnb-runs.csv        one row per run, as ears-cusum-runs.csv (options as the backtest CLI spells them)

suppressPackageStartupMessages(library(surveillance))
stopifnot(packageVersion("surveillance") >= "1.20")

out <- file.path("src", "test", "resources", "fixtures", "surveillance")
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
flag <- function(x) ifelse(is.na(x), "NA", ifelse(as.logical(x), "1", "0"))

read_input <- function(dataset) {
  rows <- read.csv(file.path(out, paste0(dataset, ".input.csv")), stringsAsFactors = FALSE)
  lapply(split(rows, factor(rows$unit, levels = unique(rows$unit))),
         function(u) data.frame(date = as.Date(u$date), count = u$count))
}

runs <- data.frame()

## control: c.ARL, alpha, M and mu0 (NULL: the GLM hook, else a number); rangeStart 1-based.
glr_rows <- function(y, dates, unit, rangeStart, control, freq) {
  dp <- create.disProg(week = seq_along(y), observed = y, state = rep(0, length(y)), freq = freq)
  range <- rangeStart:length(y)
  base <- list(range = range, c.ARL = control$c.ARL, alpha = control$alpha, M = control$M, Mtilde = 1,
               change = "intercept", dir = "inc")
  if (!is.null(control$mu0)) base$mu0 <- rep(control$mu0, length(range))
  value <- suppressMessages(algo.glrnb(dp, control = c(base, list(ret = "value"))))
  cases <- suppressMessages(algo.glrnb(dp, control = c(base, list(ret = "cases"))))
  stopifnot(identical(as.vector(value$alarm), as.vector(cases$alarm)))
  data.frame(date = format(dates[range]), unit = unit, observed = num(y[range]),
             expected = num(as.vector(value$control$mu0)), threshold = num(as.vector(cases$upperbound)),
             alarm = flag(as.vector(value$alarm)), statistic = num(as.vector(value$upperbound)))
}

glr_run <- function(dataset, run, freq, rangeStart, control, options) {
  series <- read_input(dataset)
  rows <- do.call(rbind, lapply(names(series), function(u)
    glr_rows(series[[u]]$count, series[[u]]$date, u, rangeStart, control, freq)))
  file <- paste0(dataset, ".", run, ".csv")
  write.csv(rows, file.path(out, file), row.names = FALSE, quote = FALSE)
  runs <<- rbind(runs, data.frame(fixture = file, input = paste0(dataset, ".input.csv"),
                                  frequency = if (freq == 365) "day" else "week", method = "glrnb",
                                  range_start = format(series[[1]]$date[rangeStart]), options = options))
}

## Poisson GLR (alpha = 0) with R's seasonal Poisson GLM for mu0, weekly point-source outbreaks.
glr_run("sim-pointsource", "glrpois-glm", 52, 53, list(c.ARL = 5, alpha = 0, M = -1),
        "alpha=0;m=glm;c-arl=5")
## The same with a window of 10 periods (C glr_window).
glr_run("sim-pointsource", "glrpois-m10", 52, 53, list(c.ARL = 4, alpha = 0, M = 10),
        "alpha=0;m=glm;c-arl=4;window=10")
## Negative-binomial GLR, mu0 from a fixed-alpha negative-binomial GLM, Berlin hepatitis A.
glr_run("ha-berlin", "glrnb-glm", 52, 105, list(c.ARL = 5, alpha = 0.2, M = -1),
        "alpha=0.2;m=glm;c-arl=5")
## Negative-binomial GLR with a known mean and a window of 28 days, the daily series (two units).
glr_run("daily-nb", "glrnb-m28", 365, 29, list(c.ARL = 3, alpha = 0.33, M = 28, mu0 = 4),
        "alpha=0.33;m=4;c-arl=3;window=28")

write.csv(runs, file.path(out, "glrnb-runs.csv"), row.names = FALSE, quote = FALSE)
cat("surveillance", format(packageVersion("surveillance")), "- wrote", nrow(runs), "runs to", out, "\n")
