// Run: the segment and its countdown, the cadence gauge against the band,
// the sensor panel, the check-in banner, the plan strip and the buttons.
// Redrawn from RunModel.state once a second and after each event.
import PatellaAppModel
import SwiftUI

struct RunScreenView: View {
    let model: RunModel

    var body: some View {
        VStack(spacing: 16) {
            Text(model.state.statusLabel).font(.headline)
            if let segment = model.state.segmentLabel {
                Text(segment).font(.largeTitle.bold())
            }
            if let length = model.state.segmentDurationLabel { Text(length).font(.subheadline) }
            Text(model.state.countdownLabel).font(.system(size: 72, weight: .bold, design: .rounded)).monospacedDigit()
            if let next = model.state.nextLabel { Text(next).foregroundStyle(.secondary) }
            HStack {
                Text(model.state.elapsedLabel)
                Spacer()
                Text(model.state.remainingLabel)
            }
            .monospacedDigit()
            cadence
            sensor
            if let question = model.state.checkInQuestion {
                Button(question, systemImage: "heart.text.square") { model.checkIn() }
            }
            if let advice = model.state.assessmentAdvice { Text(advice).font(.footnote) }
            if let cue = model.state.lastCue { Text(cue).font(.callout).padding(8).background(.thinMaterial) }
            if let stop = model.state.stopLabel { Text(stop).foregroundStyle(.red) }
            if let error = model.state.errorMessage { Text(error).foregroundStyle(.red) }
            strip
            buttons
        }
        .padding()
    }

    private var cadence: some View {
        VStack {
            HStack {
                Text(model.state.cadenceLabel).font(.title2.bold()).foregroundStyle(CadenceColour.of(model.state.cadenceTone))
                if model.state.metronomePlaying { Image(systemName: "metronome") }
            }
            if let gauge = model.state.gauge {
                Gauge(value: gauge.value, in: gauge.low...gauge.high) { EmptyView() }
                    .gaugeStyle(.accessoryLinear)
                    .tint(CadenceColour.of(model.state.cadenceTone))
            }
            Text(model.state.cadenceZoneLabel).font(.footnote)
            if let band = model.state.bandLabel { Text(band).font(.caption).foregroundStyle(.secondary) }
            if let walking = model.state.walkingLabel { Text(walking).font(.caption) }
        }
    }

    private var sensor: some View {
        HStack {
            Image(systemName: "sensor")
            Text(model.state.sensorLabel)
            if let battery = model.state.batteryLabel {
                Text(battery).foregroundStyle(model.state.batteryLow ? Color.red : Color.secondary)
            }
        }
        .font(.footnote)
    }

    private var strip: some View {
        HStack(spacing: 2) {
            ForEach(model.state.strip) { piece in
                ProgressView(value: piece.doneFraction)
                    .tint(StripColour.of(piece.kind))
                    .overlay { if piece.isCurrent { Capsule().stroke(.primary) } }
            }
        }
    }

    private var buttons: some View {
        HStack {
            if model.state.canStart { Button("Start", systemImage: "play.fill") { model.start() } }
            if model.state.canPause { Button("Pause", systemImage: "pause.fill") { model.pause() } }
            if model.state.canResume { Button("Resume", systemImage: "play.fill") { model.resume() } }
            if model.state.canCheckIn { Button("Knee", systemImage: "heart.text.square") { model.checkIn() } }
            if model.state.canStop { Button("Stop", systemImage: "stop.fill", role: .destructive) { model.stop() } }
        }
        .buttonStyle(.borderedProminent)
    }
}

enum CadenceColour {
    static func of(_ tone: CadenceTone) -> Color {
        switch tone {
        case .neutral: return .secondary
        case .low: return .orange
        case .inBand: return .green
        case .high: return .purple
        }
    }
}

enum StripColour {
    static func of(_ kind: StripKind) -> Color {
        switch kind {
        case .warmUp, .coolDown: return .teal
        case .run: return .green
        case .walk: return .blue
        }
    }
}
