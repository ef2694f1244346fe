#!/usr/bin/env Rscript
# Reference values from the R packages that define three of our computations.
#
# Pinned versions (Debian bookworm packages):
#   R 4.2.2 (r-base-core 4.2.2.20221110-2), cluster 2.1.4 (r-cran-cluster 2.1.4-1),
#   fpc 2.2-10 (r-cran-fpc 2.2-10-1), jsonlite 1.8.4 (r-cran-jsonlite 1.8.4+dfsg-1, reading only)
#
# Install and run from anywhere (after generate_mixed_fixtures.py has written gower-reference.json):
#   apt-get install -y --no-install-recommends r-base-core r-cran-cluster r-cran-fpc r-cran-jsonlite
#   Rscript Tests/WorkbenchKitTests/Fixtures/generate_r_fixtures.R
#
# Writes, next to this script:
#   gower-daisy.json
#       cluster::daisy(metric = "gower") on the mixed table of gower-reference.json, alone and
#       with that file's new rows appended (an unseen level, values outside the fit range).
#   gap-prediction-strength.json
#       a seeded 2-D data set (three overlapping Gaussian groups) and
#       - cluster::clusGap(d.power = 2, spaceH0 = "scaledPCA") with B = 5, recording every
#         reference data set it drew and the labels its clusterer gave each, so the Swift test can
#         pass the same references in; and with B = 1000, for comparing distributions over seeds;
#       - fpc::prediction.strength with M = 5, recording every half split, both halves'
#         clusterings, and the classification of each half by the other half's centroids; and with
#         M = 500, for comparing distributions over seeds.
# Doubles are written with 17 significant digits, so they read back bit-identical.

suppressPackageStartupMessages({
  library(cluster)
  library(fpc)
  library(jsonlite)
})

expected <- list(R = "4.2.2", cluster = "2.1.4", fpc = "2.2.10")
found <- list(
  R = paste(R.version$major, R.version$minor, sep = "."),
  cluster = as.character(packageVersion("cluster")), fpc = as.character(packageVersion("fpc")))
if (!identical(found, expected)) {
  stop(sprintf("expected %s, found %s; install the Debian packages named at the top",
               toJSON(expected, auto_unbox = TRUE), toJSON(found, auto_unbox = TRUE)))
}

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))

# --- a JSON writer with round-trip doubles (jsonlite prints at most 15 digits) ---------------------
# Named lists are objects (keys sorted), unnamed lists are arrays, matrices are arrays of rows,
# vectors of length 1 are scalars and longer vectors are arrays on one line.
scalar_json <- function(v) {
  if (is.character(v)) return(toJSON(v, auto_unbox = TRUE))
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.integer(v)) return(sprintf("%d", v))
  if (v == round(v) && abs(v) < 1e15) return(sprintf("%.1f", v))
  sprintf("%.17g", v)
}

as_json <- function(v, indent = "") {
  inner <- paste0(indent, " ")
  if (is.matrix(v)) v <- lapply(seq_len(nrow(v)), function(i) as.list(v[i, ]))
  if (is.list(v)) {
    if (!is.null(names(v))) {
      keys <- sort(names(v))
      parts <- vapply(keys, function(k) paste0(inner, toJSON(k, auto_unbox = TRUE), ": ", as_json(v[[k]], inner)), "")
      return(paste0("{\n", paste(parts, collapse = ",\n"), "\n", indent, "}"))
    }
    if (all(vapply(v, function(e) !is.list(e) && length(e) == 1, NA))) {
      return(paste0("[", paste(vapply(v, scalar_json, ""), collapse = ", "), "]"))
    }
    parts <- vapply(v, function(e) paste0(inner, as_json(e, inner)), "")
    return(paste0("[\n", paste(parts, collapse = ",\n"), "\n", indent, "]"))
  }
  if (length(v) == 1) return(scalar_json(v))
  paste0("[", paste(vapply(v, scalar_json, ""), collapse = ", "), "]")
}

write_fixture <- function(name, payload) {
  payload$generator <- "Tests/WorkbenchKitTests/Fixtures/generate_r_fixtures.R"
  payload$versions <- found
  writeLines(as_json(payload), file.path(here, name))
}

# An array even when it has one element.
arr <- function(v) as.list(v)

# --- Gower: cluster::daisy ------------------------------------------------------------------------
gower_frame <- function(numeric, categorical, levels) {
  frame <- as.data.frame(numeric)
  names(frame) <- paste0("x", seq_len(ncol(frame)))
  for (f in seq_along(categorical)) frame[[paste0("c", f)]] <- factor(categorical[[f]], levels = levels[[f]])
  frame
}

gower_case <- function(numeric, frame) {
  lo <- apply(numeric, 2, min)
  range <- apply(numeric, 2, max) - lo
  range[range == 0] <- 1  # daisy's own replacement for a constant column
  list(minimums = arr(lo), ranges = arr(range),
       dissimilarities = unname(as.matrix(daisy(frame, metric = "gower", warnType = FALSE))))
}

gower <- function() {
  input <- fromJSON(file.path(here, "gower-reference.json"), simplifyVector = FALSE)
  numeric <- do.call(rbind, lapply(input$numeric, unlist))
  levels <- lapply(input$categorical, function(f) unlist(f$levels))
  labels <- lapply(input$categorical, function(f) unlist(f$levels)[unlist(f$codes) + 1])
  new_numeric <- do.call(rbind, lapply(input$new_numeric, unlist))
  new_labels <- lapply(input$new_categorical, unlist)
  # Levels seen only in the new rows go after the fit levels (the Swift test codes them the same way).
  all_levels <- Map(function(l, n) c(l, setdiff(n, l)), levels, new_labels)
  all_numeric <- rbind(numeric, new_numeric)
  all_labels <- Map(c, labels, new_labels)
  list(
    input = "gower-reference.json (numeric, categorical, new_numeric, new_categorical)",
    fit = gower_case(numeric, gower_frame(numeric, labels, levels)),
    with_new_rows = c(
      list(levels = lapply(all_levels, arr)),
      gower_case(all_numeric, gower_frame(all_numeric, all_labels, all_levels))))
}

write_fixture("gower-daisy.json", gower())

# --- Data for the gap statistic and prediction strength -------------------------------------------
set.seed(20260519)
centers <- rbind(c(0, 0), c(3, 0), c(1.5, 2.6))
x <- round(do.call(rbind, lapply(1:3, function(g) cbind(rnorm(30, centers[g, 1], 0.8), rnorm(30, centers[g, 2], 0.8)))), 4)
n <- nrow(x)
stopifnot(!anyDuplicated(apply(x, 1, paste, collapse = ",")), n %% 2 == 0)
zero_based <- function(labels) arr(as.integer(labels) - 1L)

# --- Gap statistic: cluster::clusGap --------------------------------------------------------------
# d.power = 2 is Tibshirani et al.'s W_k; clusGap sums each unordered pair once and halves,
# so its W_k is half the paper's (log W differs by log 2, the gap does not).
kmax <- 4
gap_explicit <- function() {
  calls <- list()
  recorder <- function(X, k) {
    fit <- kmeans(X, k, nstart = 20, iter.max = 100)
    calls[[length(calls) + 1]] <<- list(x = X, labels = fit$cluster)
    list(cluster = fit$cluster)
  }
  set.seed(1)
  B <- 5L
  g <- clusGap(x, recorder, K.max = kmax, B = B, d.power = 2, spaceH0 = "scaledPCA", verbose = FALSE)
  # Call order: k = 2…kmax on x, then k = 2…kmax on each reference data set (k = 1 needs no clustering).
  per_data <- kmax - 1
  labels_of <- function(first) c(list(arr(rep(0L, n))), lapply(0:(per_data - 1), function(j) zero_based(calls[[first + j]]$labels)))
  references <- lapply(seq_len(B), function(b) {
    first <- b * per_data + 1
    for (j in 1:(per_data - 1)) stopifnot(identical(calls[[first + j]]$x, calls[[first]]$x))
    list(data = unname(calls[[first]]$x), labels = labels_of(first))
  })
  xs <- scale(x, center = TRUE, scale = FALSE)
  rotated <- xs %*% svd(xs, nu = 0)$v
  tab <- g$Tab
  list(B = B, k = arr(1:kmax), labels = labels_of(1), references = references,
       box_center = arr(unname(attr(xs, "scaled:center"))),
       box_widths = arr(apply(rotated, 2, function(c) diff(range(c)))),
       log_w = arr(tab[, "logW"]), e_log_w = arr(tab[, "E.logW"]), gap = arr(tab[, "gap"]), se_sim = arr(tab[, "SE.sim"]))
}

gap_distribution <- function() {
  set.seed(2)
  B <- 1000L
  g <- clusGap(x, function(X, k) list(cluster = kmeans(X, k, nstart = 10, iter.max = 100)$cluster),
               K.max = kmax, B = B, d.power = 2, spaceH0 = "scaledPCA", verbose = FALSE)
  tab <- g$Tab
  list(B = B, k = arr(1:kmax), log_w = arr(tab[, "logW"]), gap = arr(tab[, "gap"]),
       sd_log_w_star = arr(tab[, "SE.sim"] / sqrt(1 + 1 / B)))
}

# --- Prediction strength: fpc::prediction.strength ------------------------------------------------
row_key <- function(m) apply(m, 1, function(r) paste(sprintf("%.17g", r), collapse = ","))
x_keys <- row_key(x)

# The share of each test cluster's pairs that the classification also puts together, as
# prediction.strength computes it (a cluster of one row counts as 1), minimised over clusters.
strength <- function(partition, classification, k) {
  min(vapply(1:k, function(kk) {
    counts <- table(classification[partition == kk])
    size <- sum(partition == kk)
    if (size > 1) sum(counts^2 - counts) / (size * (size - 1)) else 1
  }, 0))
}

ps_explicit <- function() {
  calls <- list()
  recording_cbi <- function(data, k) {
    out <- kmeansCBI(data, krange = k, runs = 10)
    calls[[length(calls) + 1]] <<- list(rows = match(row_key(data), x_keys), partition = out$partition, centers = out$result$centers)
    out
  }
  set.seed(3)
  M <- 5L
  p <- prediction.strength(x, Gmin = 2, Gmax = 4, M = M, clustermethod = recording_cbi, centroidname = "centers")
  repeats <- list()
  for (k in 2:4) for (l in 1:M) {
    halves <- calls[(((k - 2) * M + (l - 1)) * 2) + 1:2]
    predicted <- lapply(1:2, function(i) {
      trained <- halves[[3 - i]]
      labels <- rep(-1, n)
      labels[trained$rows] <- trained$partition
      classifnp(x, labels, method = "centroid", centroids = trained$centers)[halves[[i]]$rows]
    })
    strengths <- vapply(1:2, function(i) strength(halves[[i]]$partition, predicted[[i]], k), 0)
    stopifnot(abs(mean(strengths) - p$predcorr[[k]][l]) < 1e-15)
    repeats[[length(repeats) + 1]] <- list(
      k = k, rows = lapply(halves, function(h) zero_based(h$rows)), partitions = lapply(halves, function(h) zero_based(h$partition)),
      predicted = lapply(predicted, zero_based), strengths = arr(strengths), prediction_strength = p$predcorr[[k]][l])
  }
  list(M = M, repeats = repeats)
}

ps_distribution <- function() {
  set.seed(4)
  M <- 500L
  p <- prediction.strength(x, Gmin = 2, Gmax = 5, M = M, clustermethod = kmeansCBI, runs = 10)
  list(M = M, k = arr(2:5), mean = arr(p$mean.pred[2:5]), sd = arr(vapply(2:5, function(k) sd(p$predcorr[[k]]), 0)))
}

write_fixture("gap-prediction-strength.json", list(
  data = unname(x),
  gap = list(explicit = gap_explicit(), distribution = gap_distribution()),
  prediction_strength = list(explicit = ps_explicit(), distribution = ps_distribution())))
