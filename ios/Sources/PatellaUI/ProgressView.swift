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
            // The top of the buffer zone: at or under this line, training goes on.
            RuleMark(y: .value("Pain", model.state.painBandMax))
                .foregroundStyle(Color.green)
            ForEach(model.state.pain) { series in
                ForEach(series.points) { point in
                    LineMark(x: .value("When", point.x), y: .value("Pain", point.y))
                        .foregroundStyle(by: .value("Series", series.id))
                    PointMark(x: .value("When", point.x), y: .value("Pain", point.y))
                        .foregroundStyle(point.flagged ? Color.red : Color.primary)
                }
            }
        }
        .chartYScale(domain: model.state.painMin...model.state.painMax)
        .frame(height: 180)
    }

    private var volumeChart: some View {
        Chart(model.state.volume) { week in
            BarMark(x: .value("Week", week.x), y: .value(model.state.volumeUnit, week.y))
                .foregroundStyle(week.flagged ? Color.orange : Color.blue)
                .annotation { Text(week.label ?? "").font(.caption2) }
        }
        .chartYScale(domain: 0...model.state.volumeMax)
        .chartYAxisLabel(model.state.volumeUnit)
        .frame(height: 180)
    }

    private var cadenceChart: some View {
        Chart {
            RuleMark(y: .value("Band", model.state.cadenceBandMin)).foregroundStyle(Color.green)
            RuleMark(y: .value("Band", model.state.cadenceBandMax)).foregroundStyle(Color.green)
            ForEach(model.state.cadence) { run in
                PointMark(x: .value("Run", run.x), y: .value("Cadence", run.y))
                    .foregroundStyle(run.flagged ? Color.orange : Color.green)
            }
        }
        .chartYScale(domain: model.state.cadenceMin...model.state.cadenceMax)
        .frame(height: 180)
    }
}
