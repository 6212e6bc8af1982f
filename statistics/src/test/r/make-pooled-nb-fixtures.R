## Fixtures for the pooled negative-binomial model (org.foodrisk.detect.aberration.PooledNegativeBinomial):
## MASS::glm.nb (Venables & Ripley, Modern Applied Statistics with S, 4th ed., §7.4) on the counts of several
## districts at once — a level per district, the weekday, a holiday indicator and a log sampling-effort offset —
## and the tail probability of a new day's count under the fitted model: with the fitted mean (pnbinom) and
## averaged over the sampling distribution of the linear predictor, N(eta, se.fit^2), by R's integrate().
##
## R and MASS (Debian: r-cran-mass, a dependency of r-base) only generate these fixtures: the Java tests read
## the CSVs this script writes and never call R.
##
##   cd statistics && Rscript src/test/r/make-pooled-nb-fixtures.R
##
## Writes to src/test/resources/fixtures/pooled/:
##   pooled-nb.input.csv    district,date,weekday,holiday,effort,count (weekday 1 = Monday … 7 = Sunday)
##   pooled-nb.fit.csv      name,value: the coefficients in model.matrix order, theta, theta_se, twologlik
##   pooled-nb.predict.csv  district,weekday,holiday,effort,observed,eta,se,plugin_tail,predictive_tail
##                          (tails are P(Y >= observed))
##   pooled-nb-season.fit.csv  as pooled-nb.fit.csv, with one harmonic of the year (s1, c1) in the design
##   pooled-nb-outbreak.input.csv  the same rows with an outbreak added to 120103 (days 60-66: +12 a day)
##   pooled-nb-downweight.fit.csv  on those rows, a linear trend (years since 1970) in the design and the outbreak
##                                 down-weighted: a first glm.nb fit, its standardized Pearson residuals
##                                 (y - mu) / sqrt((mu + mu^2/theta) (1 - h)), Farrington's weights above 2.58
##                                 (gamma s^-2, else gamma; sum n), then glm.nb(..., weights = w)
##   pooled-nb-downweight.weights.csv  district,date,weight: those weights

suppressPackageStartupMessages(library(MASS))
out <- file.path("src", "test", "resources", "fixtures", "pooled")
num <- function(x) sprintf("%.17g", x)

set.seed(20261207)
first <- as.Date("2024-01-01")  # a Monday
days <- 0:139
districts <- c("120101", "120102", "120103", "120104", "120110", "120114")
level <- c(1.2, 0.4, 0.9, 1.6, -0.2, 0.7)
weekdayEffect <- c(0, 0.05, 0.1, 0.05, -0.1, -0.9, -1.2)
holidays <- as.Date(c("2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15",
                      "2024-02-16", "2024-02-17", "2024-04-04", "2024-04-05", "2024-04-06", "2024-05-01",
                      "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05"))
theta <- 3
rows <- data.frame()
for (d in seq_along(districts)) {
  # The last district reports only the last 14 days: a new district in its first weeks.
  from <- if (d == length(districts)) max(days) - 13 else 0
  date <- first + days[days >= from]
  weekday <- as.integer(format(date, "%u"))
  holiday <- as.integer(date %in% holidays)
  effort <- round(runif(length(date), 0.6, 1.6), 2)
  mu <- effort * exp(level[d] + weekdayEffect[weekday] - 0.8 * holiday)
  rows <- rbind(rows, data.frame(district = districts[d], date = format(date), weekday = weekday,
                                 holiday = holiday, effort = effort, count = rnbinom(length(date), size = theta, mu = mu)))
}
write.csv(rows, file.path(out, "pooled-nb.input.csv"), row.names = FALSE, quote = FALSE)

model <- function(r) {
  r$district <- factor(r$district, levels = districts)
  r$weekday <- factor(r$weekday, levels = 1:7)
  r
}
fit <- glm.nb(count ~ district + weekday + holiday + offset(log(effort)), data = model(rows))
coefs <- coef(fit)
stopifnot(!any(is.na(coefs)))
write.csv(data.frame(name = c(names(coefs), "theta", "theta_se", "twologlik"),
                     value = num(c(coefs, fit$theta, fit$SE.theta, fit$twologlik))),
          file.path(out, "pooled-nb.fit.csv"), row.names = FALSE, quote = FALSE)

## A new Tuesday (and a new Sunday on a holiday) of every district, with a few counts each.
new <- expand.grid(district = districts, weekday = c(2, 7), observed = c(0, 3, 8, 15), stringsAsFactors = FALSE)
new$holiday <- ifelse(new$weekday == 7, 1L, 0L)
new$effort <- 1.1
p <- predict(fit, newdata = model(new), type = "link", se.fit = TRUE)
new$eta <- as.vector(p$fit)
new$se <- as.vector(p$se.fit)
tail <- function(y, mu) pnbinom(y - 1, size = fit$theta, mu = mu, lower.tail = FALSE)
new$plugin_tail <- tail(new$observed, exp(new$eta))
new$predictive_tail <- mapply(function(y, eta, se)
  integrate(function(e) tail(y, exp(e)) * dnorm(e, eta, se), eta - 12 * se, eta + 12 * se,
            rel.tol = 1e-12, abs.tol = 0)$value, new$observed, new$eta, new$se)
write.csv(data.frame(district = new$district, weekday = new$weekday, holiday = new$holiday, effort = new$effort,
                     observed = new$observed, eta = num(new$eta), se = num(new$se),
                     plugin_tail = num(new$plugin_tail), predictive_tail = num(new$predictive_tail)),
          file.path(out, "pooled-nb.predict.csv"), row.names = FALSE, quote = FALSE)
## The same data with one harmonic of the year in the design (t = days since 1970-01-01, as LocalDate.toEpochDay).
seasonal <- function(r) {
  r <- model(r)
  t <- as.numeric(as.Date(r$date))
  r$s1 <- sin(2 * pi * t / 365.25)
  r$c1 <- cos(2 * pi * t / 365.25)
  r
}
fitS <- glm.nb(count ~ district + weekday + holiday + s1 + c1 + offset(log(effort)), data = seasonal(rows))
coefsS <- coef(fitS)
write.csv(data.frame(name = c(names(coefsS), "theta", "theta_se", "twologlik"),
                     value = num(c(coefsS, fitS$theta, fitS$SE.theta, fitS$twologlik))),
          file.path(out, "pooled-nb-season.fit.csv"), row.names = FALSE, quote = FALSE)

## Down-weighting a past outbreak, with a trend. The residual is computed here from fit$theta (R's rstandard would
## take the theta of the last refit's family, which differs by less than the convergence tolerance).
outbreak <- rows
hit <- outbreak$district == "120103" & as.Date(outbreak$date) >= first + 60 & as.Date(outbreak$date) <= first + 66
outbreak$count[hit] <- outbreak$count[hit] + 12L
write.csv(outbreak, file.path(out, "pooled-nb-outbreak.input.csv"), row.names = FALSE, quote = FALSE)
trended <- function(r) {
  r <- model(r)
  r$trend <- as.numeric(as.Date(r$date)) / 365.25
  r
}
formulaT <- count ~ district + weekday + holiday + trend + offset(log(effort))
first_fit <- glm.nb(formulaT, data = trended(outbreak))
mu <- fitted(first_fit)
s <- (outbreak$count - mu) / sqrt((mu + mu^2 / first_fit$theta) * (1 - hatvalues(first_fit)))
threshold <- 2.58
gamma <- length(s) / sum(ifelse(s > threshold, s^-2, 1))
w <- ifelse(s > threshold, gamma * s^-2, gamma)
stopifnot(sum(s > threshold) >= 7)
weighted_data <- trended(outbreak)
weighted_data$w <- w
fitW <- glm.nb(formulaT, data = weighted_data, weights = w)
coefsW <- coef(fitW)
write.csv(data.frame(name = c(names(coefsW), "theta", "theta_se", "twologlik"),
                     value = num(c(coefsW, fitW$theta, fitW$SE.theta, fitW$twologlik))),
          file.path(out, "pooled-nb-downweight.fit.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(district = outbreak$district, date = outbreak$date, weight = num(w)),
          file.path(out, "pooled-nb-downweight.weights.csv"), row.names = FALSE, quote = FALSE)
cat("down-weighted", sum(s > threshold), "periods; theta", first_fit$theta, "->", fitW$theta, "\n")

cat("MASS", format(packageVersion("MASS")), "- theta", fit$theta, "- wrote", nrow(rows), "rows and", nrow(new),
    "predictions to", out, "\n")
