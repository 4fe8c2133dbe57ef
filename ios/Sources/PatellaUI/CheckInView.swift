// Check-in: the 0-10 scale coloured by the buffer zone, the moment,
// optional quality and location, the red-flag questions, and the advice
// once saved.
import PatellaAppModel
import SwiftUI

struct CheckInScreenView: View {
    let model: CheckInModel

    var body: some View {
        NavigationStack {
            Form {
                Section(model.state.prompt) {
                    LazyVGrid(columns: [GridItem(.adaptive(minimum: 44))]) {
                        ForEach(model.state.scale) { point in
                            Button(point.scoreLabel) { model.pick(score: point) }
                                .buttonStyle(.borderedProminent)
                                .tint(ScaleColour.of(point.tone))
                                .opacity(point.selected ? 1 : 0.5)
                        }
                    }
                    ForEach(model.state.scale.filter(\.selected)) { point in
                        Text(point.label).font(.headline)
                        Text(point.zoneLabel).font(.footnote)
                    }
                }
                Section {
                    ForEach(model.state.moments) { choice in
                        Toggle(choice.label, isOn: Binding(get: { choice.selected }, set: { _ in model.pick(moment: choice) }))
                    }
                }
                Section(model.state.qualityPrompt) {
                    ForEach(model.state.qualities) { choice in
                        Toggle(choice.label, isOn: Binding(get: { choice.selected }, set: { _ in model.toggle(quality: choice) }))
                    }
                }
                Section(model.state.locationPrompt) {
                    ForEach(model.state.locations) { choice in
                        Toggle(choice.label, isOn: Binding(get: { choice.selected }, set: { _ in model.toggle(location: choice) }))
                    }
                }
                Section(model.state.redFlagPrompt) {
                    ForEach(model.state.redFlags) { choice in
                        Toggle(choice.label, isOn: Binding(get: { choice.selected }, set: { _ in model.toggle(redFlag: choice) }))
                    }
                }
                Section {
                    Button(model.state.submitLabel) { model.submit() }.disabled(!model.state.canSubmit)
                    if let advice = model.state.advice { Text(advice).font(.headline) }
                    ForEach(model.state.planChanges, id: \.self) { Text($0) }
                    if let trend = model.state.trendWarning { Text(trend) }
                    if let error = model.state.errorMessage { Text(error).foregroundStyle(.red) }
                }
            }
            .navigationTitle(model.state.title)
        }
    }
}

/// The scale's colours, one per zone.
enum ScaleColour {
    static func of(_ tone: ScaleTone) -> Color {
        switch tone {
        case .noPain: return .green
        case .withinBuffer: return .yellow
        case .aboveBuffer: return .red
        }
    }
}
