# R's side of ./benchmark.sh backtest (issue 19): R surveillance's farringtonFlexible and farrington, b = 3,
# w = 3, on the 16 weekly series of benchmarks/src/main/resources/backtest/sixteen-units-weekly.csv (dated
# sts), the last 103 weeks of each judged. Prints the first judged date and R's system.time of each call.
# R is not a dependency of the project: the benchmark runs this only where Rscript is installed
# (Debian: apt-get install r-cran-surveillance).
#
#   Rscript benchmarks/r/backtest-speed.R [input.csv]
suppressMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) > 0) args[1] else "benchmarks/src/main/resources/backtest/sixteen-units-weekly.csv"
rows <- read.csv(input, stringsAsFactors = FALSE)
units <- unique(rows$unit)
dates <- as.Date(sort(unique(rows$date)))
observed <- sapply(units, function(u) rows$count[rows$unit == u][match(dates, as.Date(rows$date[rows$unit == u]))])
x <- sts(observed = observed, epoch = dates, frequency = 52)
range <- (length(dates) - 102):length(dates)
cat("surveillance", as.character(packageVersion("surveillance")), "on", R.version.string, "\n")
cat("range-start", format(dates[range[1]]), "\n")
for (method in c("farrington-flexible", "farrington")) {
  control <- list(range = range, b = 3, w = 3)
  time <- system.time(invisible(capture.output(
    res <- if (method == "farrington") farrington(x, control = control) else farringtonFlexible(x, control = control))))
  cat(sprintf("R %s: %d periods, %d alarms, elapsed %.3f s, user %.3f s\n", method, length(range) * ncol(x),
              sum(alarms(res), na.rm = TRUE), time[["elapsed"]], time[["user.self"]]))
}
