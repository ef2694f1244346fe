/// Section 1: what was run on what data, the chosen segmentation and why, and how to reproduce it.
extension RunReport {
  var summarySection: HTML {
    let failed = records.filter { $0.status == .failed }.count
    var facts: [HTML] = [
      Self.fact("Data", "\(manifest.dataPath)"),
      Self.fact("Rows × columns", "\(ReadableNumber.format(Double(manifest.rows))) × \(manifest.columns)"),
      Self.fact("Data SHA-256", "<code>\(String(manifest.dataSHA256.prefix(16)))…</code>"),
      Self.fact("Trials", "\(records.count) run · \(board.ranked.count) ranked\(failed > 0 ? " · \(failed) failed" : "")"),
    ]
    guard let chosen = board.ranked.first else {
      return "<div class=\"facts\">\(facts.joined())</div><p class=\"callout\">No trial could be ranked, so no segmentation is chosen; \"Choosing the method\" lists every trial with the reason.</p>"
    }
    let record = chosen.record
    facts.append(Self.fact("Chosen segmentation", "\(describe(record))"))
    facts.append(Self.fact("Segments", "\(record.clusterCount ?? 0)\(record.noise > 0 ? " + noise (\(ReadableNumber.format(Double(record.noise))) rows)" : "")"))
    facts.append(Self.fact("Score", "\(Self.decimal(chosen.score))"))
    var out: HTML = "<div class=\"facts\">\(facts.joined())</div>\n<div class=\"callout\"><b>Why this segmentation.</b> \(whyChosen)</div>\n"
    if let view = segments, view.record.configHash != record.configHash {
      out = "\(out)<p class=\"callout\">The segment sections below describe trial <code>\(view.record.configHash)</code> (\(describe(view.record)), \(view.rank.map { "rank \($0)" } ?? "not ranked")), as asked, not the chosen one.</p>\n"
    }
    let runPath = "results/\(plan.experiment.name)/\(manifest.runKey)"
    return """
      \(out)<h3>Reproduce</h3>
      <p>Re-run the experiment from its manifest and prove every byte-stable file identical (exit code 4 if anything differs):</p>
      <pre>workbench verify \(runPath)</pre>
      <p class="note">The run folder is <code>\(runPath)</code> unless the run was written elsewhere with <code>--out</code>. \
      This page is rebuilt from the run's results alone by <code>workbench report \(runPath)</code>.</p>
      """
  }

  /// "scaled · kmeans k=2".
  func describe(_ record: TrialRecord) -> String {
    let parameters = parameterTexts[record.index] ?? ""
    return "\(record.pipeline) · \(record.algorithmName)\(parameters.isEmpty ? "" : " " + parameters)"
  }

  /// The sentences explaining the choice: the consensus k when it decided, the score and its parts, the Pareto
  /// front, the runner-up and the margin.
  private var whyChosen: HTML {
    let rule = board.rule
    let best = board.ranked[0]
    let metric = rule.spec.metric
    let raw = rule.quality(of: best.record)?.value
    let space = best.record.evaluation.map { " in the \($0.space) space" } ?? ""
    var text: HTML = ""
    if let consensus = board.consensus, best.atConsensus {
      text = """
        The sweeps over k agree on <b>k = \(consensus.k)</b>: each sweep votes for the larger of its dispersion curve's elbow and its best-quality k, weighted by its trial's score there, \
        and k = \(consensus.k) carries \(Self.decimal(consensus.weight)) of the \(Self.decimal(consensus.totalWeight)) weight (see "Choosing k"). \
        Trials with that many segments rank first; among them,
        """
      text = "\(text) trial"
    } else {
      text = "Trial"
    }
    text = "\(text) <code>\(best.record.configHash)</code> (\(describe(best.record))) has the highest score, \(Self.decimal(best.score))"
    if let stability = best.stability {
      let resamples = best.record.stability?.resampleARI.count ?? 0
      text = "\(text) = \(Self.decimal(1 - rule.spec.stabilityWeight)) × quality \(Self.decimal(best.quality)) (\(metric) \(Self.decimal(raw))\(space)) + \(Self.decimal(rule.spec.stabilityWeight)) × stability \(Self.decimal(stability)) (mean adjusted Rand index over \(resamples) \(best.record.stability?.method.rawValue ?? "") resamples)."
      text = "\(text) \(best.onParetoFront ? "No other trial is better in both quality and stability (it is on the Pareto front)." : "Other trials are better in both quality and stability (it is not on the Pareto front).")"
    } else {
      text = "\(text) = quality \(Self.decimal(best.quality)) (\(metric) \(Self.decimal(raw))\(space)); stability was not computed."
    }
    if let higher = board.ranked.dropFirst().filter({ !$0.atConsensus }).max(by: { $0.score < $1.score }), best.atConsensus, higher.score > best.score {
      text = "\(text) Trials with another k score higher (best: \(describe(higher.record)), \(Self.decimal(higher.score))), but rank after the consensus."
    }
    if board.ranked.count > 1 {
      let second = board.ranked[1]
      let margin = best.score - second.score
      text = "\(text) The runner-up, \(describe(second.record)), scores \(Self.decimal(second.score)) (quality \(Self.decimal(second.quality)), stability \(Self.decimal(second.stability))): \(Self.decimal(abs(margin))) \(margin >= 0 ? "lower" : "higher")."
    }
    return text
  }
}
