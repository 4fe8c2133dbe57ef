// The Progress screen: three charts (pain, weekly volume, cadence) with the
// axes and bands the core works out, and the headline labels.
import Foundation
import Observation
import Patella

/// One point or bar of a chart.
public struct ChartPoint: Equatable, Identifiable, Sendable {
    /// Position in its series.
    public var id: Int
    /// The x value: a local date or date and time, as the core gives it.
    public var x: String
    /// The y value, on the chart's axis.
    public var y: Double
    /// Drawn in the warning colour (pain above the zone, cadence off target,
    /// a week over its cap).
    public var flagged: Bool
    /// The bar's annotation (`axes.volumeLabels`); nil on lines.
    public var label: String?
}

/// One pain series: a line per check-in moment. Fed by `PainSeries`.
public struct PainSeries: Equatable, Identifiable, Sendable {
    public var id: Int
    /// `points`: `takenAt` → x, `score` → y, `aboveBuffer` → flagged.
    public var points: [ChartPoint]
}

/// What the Progress view shows. Fed by `ProgressScreen` (`snapshot` and `axes`).
public struct ProgressState: Equatable, Sendable {
    /// `axes.emptyState`: replaces the charts when there is nothing yet.
    public var emptyState: String?
    /// `snapshot.pain`: the pain chart's lines.
    public var pain: [PainSeries]
    /// `axes.painMin`...`axes.painMax`: the y axis; `axes.painBandMax`: the buffer zone band's top.
    public var painMin: Double
    public var painMax: Double
    public var painBandMax: Double
    /// `axes.volumeValues` by `snapshot.weeklyVolume[].weekStart`, flagged
    /// when `overCap`, annotated with `axes.volumeLabels`.
    public var volume: [ChartPoint]
    /// `axes.volumeMax`: the y axis top; `axes.volumeUnit`: its title.
    public var volumeMax: Double
    public var volumeUnit: String
    /// `snapshot.cadence`: `date` → x, `averageSpm` → y, flagged when not `onTarget`.
    public var cadence: [ChartPoint]
    /// `axes.cadenceMinSpm`...`cadenceMaxSpm`: the y axis; the band between
    /// `cadenceBandMinSpm` and `cadenceBandMaxSpm`, captioned `cadenceBandLabel`.
    public var cadenceMin: Double
    public var cadenceMax: Double
    public var cadenceBandMin: Double
    public var cadenceBandMax: Double
    public var cadenceBandLabel: String
    /// `axes.streakLabel` and `axes.activeDaysLabel`: the headline.
    public var streakLabel: String
    public var activeDaysLabel: String
    /// `snapshot.improvementAdvice`: pain trend advice, when there is some.
    public var improvementAdvice: String?
    public var errorMessage: String?

    public static let empty = ProgressState(
        emptyState: nil, pain: [], painMin: 0, painMax: 10, painBandMax: 5, volume: [],
        volumeMax: 5, volumeUnit: "", cadence: [], cadenceMin: 150, cadenceMax: 190, cadenceBandMin: 165,
        cadenceBandMax: 180, cadenceBandLabel: "", streakLabel: "", activeDaysLabel: "", improvementAdvice: nil,
        errorMessage: nil)
}

@MainActor
@Observable
public final class ProgressModel {
    public private(set) var state = ProgressState.empty

    public init() {}

    public func show(_ screen: ProgressScreen) {
        let s = screen.snapshot
        let a = screen.axes
        state = ProgressState(
            emptyState: a.emptyState,
            pain: s.pain.enumerated().map { series in
                PainSeries(id: series.offset, points: series.element.points.enumerated().map {
                    ChartPoint(id: $0.offset, x: $0.element.takenAt, y: Double($0.element.score),
                               flagged: $0.element.aboveBuffer, label: nil)
                })
            },
            painMin: Double(a.painMin), painMax: Double(a.painMax), painBandMax: Double(a.painBandMax),
            volume: zip(s.weeklyVolume, zip(a.volumeValues, a.volumeLabels)).enumerated().map {
                ChartPoint(id: $0.offset, x: $0.element.0.weekStart, y: $0.element.1.0,
                           flagged: $0.element.0.overCap, label: $0.element.1.1)
            },
            volumeMax: a.volumeMax, volumeUnit: a.volumeUnit,
            cadence: s.cadence.enumerated().map {
                ChartPoint(id: $0.offset, x: $0.element.date, y: $0.element.averageSpm, flagged: !$0.element.onTarget, label: nil)
            },
            cadenceMin: a.cadenceMinSpm, cadenceMax: a.cadenceMaxSpm,
            cadenceBandMin: a.cadenceBandMinSpm, cadenceBandMax: a.cadenceBandMaxSpm,
            cadenceBandLabel: a.cadenceBandLabel,
            streakLabel: a.streakLabel, activeDaysLabel: a.activeDaysLabel,
            improvementAdvice: s.improvementAdvice,
            errorMessage: nil)
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }
}
