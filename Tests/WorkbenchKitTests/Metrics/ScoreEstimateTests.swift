import Testing
import WorkbenchKit

@Suite("scores with an interval")
struct ScoreEstimateTests {
  @Test("an estimate's value is its point value and its interval is kept")
  func accessors() {
    let score = Score.estimate(value: 0.5, low: 0.4, high: 0.6)
    #expect(score.value == 0.5)
    #expect(score.interval?.low == 0.4 && score.interval?.high == 0.6)
    #expect(Score.value(0.5).interval == nil)
    #expect(Score.undefined("x").interval == nil)
  }

  @Test("a trial record writes an estimate's interval under metric_intervals and reads it back")
  func trialRecordRoundTrip() throws {
    var record = TrialRecord(index: 0, configHash: "h", seed: 1, pipeline: "raw", configuration: [:], status: .ok)
    record.metrics = ["silhouette": .estimate(value: 0.5, low: 0.25, high: 0.75), "inertia": .value(3), "ari": .undefined("no truth")]
    let json = record.json
    #expect(json.object?["metric_intervals"] == ["silhouette": [0.25, 0.75]])
    #expect(json.object?["metrics"]?.object?["silhouette"] == 0.5)
    let back = try #require(TrialRecord(json: json))
    #expect(back.metrics == record.metrics)
  }

  @Test("records without estimates have no metric_intervals key")
  func noIntervals() {
    var record = TrialRecord(index: 0, configHash: "h", seed: 1, pipeline: "raw", configuration: [:], status: .ok)
    record.metrics = ["inertia": .value(3)]
    #expect(record.json.object?["metric_intervals"] == nil)
  }
}
