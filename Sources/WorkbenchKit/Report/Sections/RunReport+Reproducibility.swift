/// Section 7: what identifies this run — hashes, seeds, versions, every trial's config hash, the spec as given.
extension RunReport {
  var reproducibilitySection: HTML {
    let specHash = DataFingerprint.sha256(of: manifest.spec.canonicalText)
    let facts: [HTML] = [
      Self.fact("Run key", "<code>\(manifest.runKey)</code>"), Self.fact("Experiment seed", "\(String(manifest.seed))"),
      Self.fact("Tool", "workbench \(manifest.toolVersion) (Swift \(WorkbenchVersion.swift))"),
      Self.fact("Result format", "\(ResultFormat.version)"),
    ]
    let pipelines = manifest.pipelines.map { "<tr><td>\($0.name)</td><td><code>\($0.hash)</code></td><td><code>\($0.steps.canonicalText)</code></td></tr>" as HTML }.joined()
    let trials = records.map { record -> HTML in
      let seed = String(record.seed)
      return "<tr><td class=\"num\">\(record.index)</td><td><code>\(record.configHash)</code></td><td class=\"num\"><code>\(seed)</code></td><td>\(describe(record))</td><td>\(record.status.rawValue)</td></tr>"
    }.joined()
    let sampling: HTML = """
      Samples drawn for this page are seeded by the described trial's seed: the scatter plots show about \(ReadableNumber.format(Double(SegmentGeometry.scatterLimit))) rows \
      and the silhouettes use about \(ReadableNumber.format(Double(SegmentGeometry.silhouetteLimit))) rows, each segment in proportion with at least 30 rows. \
      The page holds no dates or timings (they are in <code>manifest.json</code> and <code>timings.jsonl</code>), so the same run gives the same bytes.
      """
    return """
      <div class="facts">\(facts.joined())</div>
      <p>Spec SHA-256 <code>\(specHash)</code><br>Data SHA-256 <code>\(manifest.dataSHA256)</code> (\(manifest.dataPath))</p>
      <p class="note">Config hash: the first 16 hex digits of the SHA-256 of a trial's canonical configuration (defaults filled in). Trial seed: from the experiment seed and the config hash, never from the order trials ran in.</p>
      <h3>Pipeline variants</h3>
      <div class="table-wrap"><table><thead><tr><th>pipeline</th><th>hash</th><th>steps</th></tr></thead><tbody>\(pipelines)</tbody></table></div>
      <h3>Trials</h3>
      <div class="table-wrap"><table class="sortable"><thead><tr><th class="num">trial</th><th>config hash</th><th class="num">seed</th><th>configuration</th><th>status</th></tr></thead><tbody>\(trials)</tbody></table></div>
      \(Self.note(sampling))<h3>The spec as given</h3>
      <pre>\(manifest.spec.prettyText)</pre>

      """
  }
}
