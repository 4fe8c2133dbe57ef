// Today: the day's sessions as cards, the due check-in and the knee's notes.
// Reads TodayModel.state only; every button calls one intent.
import PatellaAppModel
import SwiftUI

struct TodayScreenView: View {
    let model: TodayModel

    var body: some View {
        NavigationStack {
            List {
                ForEach(model.state.advisories, id: \.self) { Text($0).foregroundStyle(.red) }
                if let error = model.state.errorMessage { Text(error).foregroundStyle(.red) }
                if model.state.canResumeRun {
                    Button("Resume your run", systemImage: "figure.run") { model.resumeRun() }
                }
                if let prompt = model.state.checkInPrompt {
                    Button(prompt, systemImage: "heart.text.square") { model.openCheckIn() }
                }
                if let empty = model.state.emptyState {
                    Text(empty)
                } else {
                    Section {
                        Text(model.state.summary).font(.headline)
                        ForEach(model.state.notes, id: \.self) { Text($0).font(.footnote) }
                    }
                    ForEach(model.state.sessions) { row in
                        TodaySessionCard(model: model, row: row)
                    }
                }
                Text(model.state.disclaimer).font(.caption).foregroundStyle(.secondary)
            }
            .navigationTitle(model.state.title)
        }
    }
}

private struct TodaySessionCard: View {
    let model: TodayModel
    let row: TodaySessionRow

    var body: some View {
        Section {
            LabeledContent(row.title, value: row.statusLabel)
            Text(row.summary)
            ForEach(row.notes, id: \.self) { Text($0).font(.footnote) }
            ForEach(row.exercises) { exercise in
                VStack(alignment: .leading) {
                    LabeledContent(exercise.name, value: exercise.dose)
                    Text(exercise.partLabel).font(.caption).foregroundStyle(.secondary)
                    if let swapped = exercise.insteadOf { Text(swapped).font(.caption) }
                    ForEach(exercise.cues, id: \.self) { Text($0).font(.footnote) }
                }
            }
            HStack {
                if row.canStartRun { Button("Start run", systemImage: "figure.run") { model.startRun() } }
                Button("Done") { model.markDone(row) }.disabled(!row.canMarkDone)
                Button("Skip") { model.markSkipped(row) }.disabled(!row.canMarkSkipped)
            }
            .buttonStyle(.bordered)
        }
    }
}
