/// `segments.csv`: one row per segment of the chosen segmentation, for spreadsheets and pandas.
///
/// Columns: `segment_id`, `name`, `size`, `share`, then `mean_<column>` for
/// every profiled numeric column in the data's original units (empty where a
/// mean is undefined, the reason being in `insight/<hash>.json`). Noise, when
/// present, is the row with id −1.
public enum SegmentsFile {
  /// The file's text.
  public static func text(_ insight: SegmentInsight) -> String {
    let numeric = insight.profiles.numeric
    var rows = [["segment_id", "name", "size", "share"] + numeric.map { "mean_\($0.column)" }]
    for (g, segment) in insight.segments.enumerated() {
      rows.append(
        [String(segment.id), segment.name.name, String(segment.size), JSONNumber.format(segment.share)]
          + numeric.map { $0.segments[g].mean.value.map(JSONNumber.format) ?? "" })
    }
    return CSVWriter().text(rows: rows)
  }
}
