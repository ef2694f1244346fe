/// The naming rule: customer vocabulary where the roles allow it, otherwise the most distinctive features.
///
/// A pure function of the profiles (the segments' z-scores), the roles and
/// the clustered features, so the same profile gets the same name in every run:
///
/// 1. **Vocabulary.** Every segment (noise aside) gets the labels of
///    ``NamingVocabulary`` whose strength reaches 0.25. All (segment, label)
///    candidates are taken strongest first (ties: vocabulary order, then
///    segment id); a candidate is granted when neither its segment is named
///    nor its label used, and when it is at least half as strong as the
///    segment's strongest candidate (a segment is not named by a trait far
///    weaker than the one that defines it). So each label names the segment
///    that shows it most.
/// 2. **Qualified vocabulary.** A segment with candidates but no label
///    granted takes its strongest label plus its most distinctive feature
///    not already behind that label: "At risk · high income".
/// 3. **Features.** A segment with no candidate is named by its two most
///    distinctive clustered features, the numeric ones with the largest |z|
///    (ties: feature order): "High income · low recency". When none of the
///    clustered features is a numeric column of the data, every profiled
///    numeric column is used instead.
/// 4. **Unique.** In id order, a name already given gets the segment's next
///    distinctive feature appended, and if that cannot help, " (segment id)".
///
/// Noise is named "Noise". Column words drop unit suffixes (``ColumnPhrase``).
enum SegmentNaming {
  /// One segment's names, in ``SegmentRows/ids`` order.
  static func names(rows: SegmentRows, profiles: InsightProfiles, roles: InsightRoles, features: [String]) -> [SegmentName] {
    let featureProfiles = features.compactMap { profiles.numeric(named: $0) }
    let distinctiveColumns = featureProfiles.isEmpty ? profiles.numeric : featureProfiles
    var names: [SegmentName?] = Array(repeating: nil, count: rows.count)
    var candidates: [(group: Int, entry: Int, strength: Double, evidence: [SegmentName.Evidence])] = []
    for g in rows.segmentGroups {
      let signals = RoleSignals(group: g, roles: roles, profiles: profiles)
      for (e, entry) in NamingVocabulary.entries.enumerated() {
        if let (strength, evidence) = entry.strength(signals), strength >= NamingVocabulary.threshold {
          candidates.append((g, e, strength, evidence))
        }
      }
    }
    candidates.sort { a, b in
      a.strength != b.strength ? a.strength > b.strength : a.entry != b.entry ? a.entry < b.entry : rows.ids[a.group] < rows.ids[b.group]
    }
    var strongest: [Int: Double] = [:]
    for c in candidates where strongest[c.group] == nil { strongest[c.group] = c.strength }
    var usedLabels = Set<Int>()
    for c in candidates where names[c.group] == nil && !usedLabels.contains(c.entry) && c.strength >= 0.5 * strongest[c.group]! {
      usedLabels.insert(c.entry)
      names[c.group] = SegmentName(
        id: rows.ids[c.group], name: NamingVocabulary.entries[c.entry].label, rule: .vocabulary,
        label: NamingVocabulary.entries[c.entry].label, evidence: c.evidence)
    }
    for g in rows.ids.indices where names[g] == nil {
      let distinctive = Self.distinctive(group: g, columns: distinctiveColumns)
      if rows.ids[g] < 0 {
        names[g] = SegmentName(id: -1, name: "Noise", rule: .noise, label: nil, evidence: [])
      } else if let own = candidates.first(where: { $0.group == g }) {
        let label = NamingVocabulary.entries[own.entry].label
        let qualifier = distinctive.first { d in !own.evidence.contains { $0.column == d.column } }
        names[g] = SegmentName(
          id: rows.ids[g], name: label + (qualifier.map { " · " + ColumnPhrase.phrase($0.column, z: $0.z) } ?? ""), rule: .vocabulary,
          label: label, evidence: own.evidence + (qualifier.map { [$0] } ?? []))
      } else {
        let top = Array(distinctive.prefix(2))
        let text = top.isEmpty ? "Segment \(rows.ids[g])" : ColumnPhrase.capitalised(top.map { ColumnPhrase.phrase($0.column, z: $0.z) }.joined(separator: " · "))
        names[g] = SegmentName(id: rows.ids[g], name: text, rule: .features, label: nil, evidence: top)
      }
    }
    return Self.unique(names.map { $0! }, distinctive: rows.ids.indices.map { Self.distinctive(group: $0, columns: distinctiveColumns) })
  }

  /// The numeric columns with a defined z-score in group `group`, largest |z| first (ties: column order).
  static func distinctive(group: Int, columns: [NumericColumnProfile]) -> [SegmentName.Evidence] {
    let defined = columns.enumerated().compactMap { i, profile in profile.z(group).map { (i, SegmentName.Evidence(column: profile.column, z: $0)) } }
    return defined.sorted { abs($0.1.z) != abs($1.1.z) ? abs($0.1.z) > abs($1.1.z) : $0.0 < $1.0 }.map(\.1)
  }

  /// `names` made unique in order: a repeated name gets the segment's next distinctive feature, else its id.
  private static func unique(_ names: [SegmentName], distinctive: [[SegmentName.Evidence]]) -> [SegmentName] {
    var used = Set<String>()
    var out = names
    for i in out.indices {
      var name = out[i]
      var extra = distinctive[i].filter { d in !name.evidence.contains { $0.column == d.column } }.makeIterator()
      while used.contains(name.name), let next = extra.next() {
        name.name += " · " + ColumnPhrase.phrase(next.column, z: next.z)
        name.evidence.append(next)
      }
      if used.contains(name.name) { name.name += " (segment \(name.id))" }
      used.insert(name.name)
      out[i] = name
    }
    return out
  }
}
