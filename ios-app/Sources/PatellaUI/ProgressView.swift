// Progress: pain, weekly volume and cadence charts (Swift Charts) on the
// axes and bands the core works out, and the headline labels.
import Charts
import PatellaAppModel
import SwiftUI

struct ProgressScreenView: View {
    let model: ProgressModel

    var body: some View {
        NavigationStack {
            List {
                if let error = model.state.errorMessage { Text(error) }
                if let empty = model.state.emptyState {
                    Text(empty)
                } else {
                    Section {
                        Text(model.state.streakLabel).font(.headline)
                        Text(model.state.activeDaysLabel)
                        if let advice = model.state.improvementAdvice { Text(advice) }
                    }
                    Section { painChart }
                    Section { volumeChart }
                    Section {
                        cadenceChart
                        Text(model.state.cadenceBandLabel).font(.caption)
                    }
                }
            }
            .navigationTitle("Progress")
        }
    }

    private var painChart: some View {
        Chart {
            RectangleMark(yStart: .value("Pain", model.state.painMin), yEnd: .value("Pain", model.state.painBandMax))
                .foregroundStyle(.green.opacity(0.15))
            ForEach(model.state.pain) { series in
                ForEach(series.points) { point in
                    LineMark(x: .value("When", point.x), y: .value("Pain", point.y))
                        .foregroundStyle(by: .value("Series", series.id))
                    PointMark(x: .value("When", point.x), y: .value("Pain", point.y))
                        .foregroundStyle(point.flagged ? .red : .primary)
                }
            }
        }
        .chartYScale(domain: model.state.painMin...model.state.painMax)
        .frame(height: 180)
    }

    private var volumeChart: some View {
        Chart(model.state.volume) { week in
            BarMark(x: .value("Week", week.x), y: .value(model.state.volumeUnit, week.y))
                .foregroundStyle(week.flagged ? .orange : .blue)
                .annotation { Text(week.label ?? "").font(.caption2) }
        }
        .chartYScale(domain: 0...model.state.volumeMax)
        .chartYAxisLabel(model.state.volumeUnit)
        .frame(height: 180)
    }

    private var cadenceChart: some View {
        Chart {
            RectangleMark(yStart: .value("Band", model.state.cadenceBandMin),
                          yEnd: .value("Band", model.state.cadenceBandMax))
                .foregroundStyle(.green.opacity(0.15))
            ForEach(model.state.cadence) { run in
                PointMark(x: .value("Run", run.x), y: .value("Cadence", run.y))
                    .foregroundStyle(run.flagged ? .orange : .green)
            }
        }
        .chartYScale(domain: model.state.cadenceMin...model.state.cadenceMax)
        .frame(height: 180)
    }
}
