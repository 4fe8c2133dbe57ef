//! The live run session (issue 4): a deterministic state machine that turns
//! a session plan, monotonic time and cadence readings into events and view
//! snapshots for the app.
//!
//! - [`plan`]: the session plan (segments and the day's cadence target).
//! - [`config`]: every behaviour setting, with documented defaults.
//! - [`session`]: the state machine and its inputs; helped by the timeline,
//!   the cadence track and coaching, and live check-ins (private modules).
//! - [`event`], [`cue`], [`view`], [`screen`], [`format`]: what goes out to
//!   the app: events with their cues, the engine view, the display-ready Run
//!   screen and its formatting; `upcoming`: the timeline of segment changes.
//! - [`history`]: the bounded, downsampled cadence history.
//! - [`session_state`]: the session's state as a value, and a run brought
//!   back from it after a kill (the journal keeps it in the record).
//! - [`trace`], [`replay`](mod@replay): recorded CSV traces and replaying them.
//! - [`runner_settings`]: the run settings a runner can change, and the one
//!   path from their saved settings to a session's configuration.
//! - [`samples`]: one example of every cue, for the apps' preview and tests.

pub mod config;
pub mod cue;
pub mod error;
pub mod event;
pub mod format;
pub mod history;
pub mod plan;
pub mod replay;
pub mod run_id;
pub mod runner_settings;
pub mod samples;
pub mod screen;
pub mod sensor_cue;
pub mod session;
pub mod session_state;
pub mod summary;
pub mod trace;
pub mod view;

mod coaching;
mod draw_screen;
mod live_checkin;
mod summarize;
mod timeline;
mod tracking;
mod upcoming;
mod walking;

pub use config::{AboveZoneResponse, CheckInPrompts, RunConfig, TargetGuard};
pub use error::RunError;
pub use event::{RunCue, RunEvent, RunEventKind, RunPromptReason, RunStopReason, RunUrgency};
pub use history::HistoryPoint;
pub use plan::{PlanError, RunSegment, SegmentKind, SessionPlan};
pub use replay::{PastEnd, RefusedRow, Replay, replay, replay_with_units};
pub use run_id::new_run_id;
pub use runner_settings::RunSettings;
pub use screen::{
    RunAssessment, RunButtons, RunCadenceGauge, RunCheckInPrompt, RunScreen, RunSegmentCard,
    RunSensorPanel, RunStripSegment, RunStripState,
};
pub use session::{Footprint, RunSession};
pub use session_state::{SavedSegment, SessionState};
pub use summary::{
    CadenceTally, LoggedCheckIn, RunAlertKind, RunAlertNote, RunDistanceSource, RunLog,
    RunSessionSummary, RunTracePoint, SegmentSummary,
};
pub use trace::{TraceError, TraceRow, parse_trace};
pub use upcoming::RunTimelineEntry;
pub use view::{RunCadenceState, RunStatus, RunView};
