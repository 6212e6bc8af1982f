# Fixtures for the Farrington methods on DATED series (R's sts with dates, epochAsDate = TRUE), made with
# the reference implementation, R package `surveillance`. R is only a fixture generator: nothing in the
# build or CI runs R.
#
#   Rscript statistics/src/test/r/make-farrington-dated-fixtures.R   (from the repository root)
#
# Reads the series of farrington-input.csv (written by make-farrington-fixtures.R) and gives them their
# dates: R then finds "the same week" of earlier years by calendar years, moved to the nearest same weekday
# (refvalIdxByDate for farrington, algo.farrington.referencetimepoints for farringtonFlexible), instead of
# 52 weeks a year — five years back is then mostly 261 weeks, and after a 53-week ISO year (2004, 2009,
# 2015, 2020 in these series) the windows and the blocks between them shift by a week. Daily series step
# back 365 or 366 days (29 February).
#
# Writes into statistics/src/test/resources/fixtures/surveillance/:
#   farrington-dated.csv                     farrington(), R defaults
#   farrington-flexible-dated.csv            farringtonFlexible(), R defaults
#   farrington-flexible-noufaily-dated.csv   farringtonFlexible(), Noufaily et al. (2013)'s recommendation
# Columns and conventions as make-farrington-fixtures.R. The judged periods are those of the undated
# fixtures whose every reference period exists in the series by date.

suppressMessages(library(surveillance))
stopifnot(packageVersion("surveillance") >= "1.20")
cat("surveillance", as.character(packageVersion("surveillance")), "on", R.version.string, "\n")

args <- commandArgs(trailingOnly = TRUE)
outDir <- if (length(args) > 0) args[1] else "statistics/src/test/resources/fixtures/surveillance"

input <- read.csv(file.path(outDir, "farrington-input.csv"), stringsAsFactors = FALSE)
source("statistics/src/test/r/farrington-common.R")

datedSts <- function(y, dates, freq) {
  x <- sts(observed = y, epoch = dates, frequency = freq)
  stopifnot(x@epochAsDate)
  x
}

# Periods whose every reference period (b = 5 years back, w = 3) exists by date.
withDatedHistory <- function(range, dates, freq) {
  epochStr <- if (freq == 52) "1 week" else "1 day"
  Filter(function(k) {
    idx <- surveillance:::refvalIdxByDate(t0 = dates[k], b = 5, w = 3, epochStr = epochStr,
                                          epochs = as.numeric(dates))
    all(!is.na(idx)) && min(idx) >= 1
  }, range)
}

outputs <- list(farrington = NULL, flexible = NULL, noufaily = NULL)
for (name in unique(input$unit)) {
  rows <- input[input$unit == name, ]
  dates <- as.Date(rows$date)
  y <- rows$count
  freq <- if (all(diff(dates) == 7)) 52 else 365
  range <- withDatedHistory(rangeOf(name, length(y)), dates, freq)
  add <- function(old, new) rbind(old, cbind(new[, 1, drop = FALSE], unit = name, new[, -1]))
  x <- datedSts(y, dates, freq)
  outputs$farrington <- add(outputs$farrington, farringtonRows(x, y, dates, range, farringtonDefaults))
  outputs$flexible <- add(outputs$flexible, flexibleRows(x, dates, range, rDefaults))
  outputs$noufaily <- add(outputs$noufaily, flexibleRows(x, dates, range, noufaily))
  cat(sprintf("%-15s freq=%3d judged=%3d from %s alarms: farrington %2d, flexible %2d, noufaily %2d\n", name,
              freq, length(range), format(dates[range[1]]), sum(tail(outputs$farrington$alarm, length(range))),
              sum(tail(outputs$flexible$alarm, length(range))), sum(tail(outputs$noufaily$alarm, length(range)))))
}
untrace("algo.farrington.threshold", where = asNamespace("surveillance"))

write.csv(outputs$farrington, file.path(outDir, "farrington-dated.csv"), row.names = FALSE, quote = FALSE)
write.csv(outputs$flexible, file.path(outDir, "farrington-flexible-dated.csv"), row.names = FALSE, quote = FALSE)
write.csv(outputs$noufaily, file.path(outDir, "farrington-flexible-noufaily-dated.csv"), row.names = FALSE,
          quote = FALSE)
