//! Live pain check-ins during a run (source: article 002's pain buffer
//! zone, through `pain::assess`): within the zone the run goes on; above it
//! the runner walks from here (or the run ends, by configuration); sharp or
//! climbing pain, or a red flag, stops the session.

use super::config::AboveZoneResponse;
use super::cue::{self, push};
use super::error::RunError;
use super::event::{RunEvent, RunEventKind, RunStopReason};
use super::plan::SegmentKind;
use super::screen::RunAssessment;
use super::session::RunSession;
use super::summary::LoggedCheckIn;
use super::view::RunStatus;
use crate::pain::{self, CheckIn, CheckInMoment, PainZone};
use crate::sample::MonoMs;

impl RunSession {
    pub(super) fn apply_check_in(
        &mut self,
        now_ms: MonoMs,
        checkin: CheckIn,
    ) -> Result<Vec<RunEvent>, RunError> {
        if !self.is_under_way() {
            return Err(RunError::NotUnderWay);
        }
        checkin.validate()?;
        let now_ms = self.session_time(now_ms);
        let mut events = Vec::new();
        self.advance(now_ms, &mut events);
        // The session is an activity: sharp or rising pain counts as such.
        let checkin = CheckIn {
            moment: CheckInMoment::DuringRun,
            ..checkin
        };
        let assessment = pain::assess(&checkin, self.last_checkin.as_ref(), &self.config.pain);
        push(
            &mut events,
            now_ms,
            RunEventKind::CheckInAssessed {
                score: checkin.score,
                zone: assessment.zone,
                action: assessment.action.clone(),
            },
            assessment.advice.clone(),
        );
        self.log.note_check_in(LoggedCheckIn {
            elapsed_ms: self.active_ms,
            check_in: checkin.clone(),
            assessment: assessment.clone(),
        });
        self.shown.pending_prompt = None;
        self.shown.last_assessment = Some(RunAssessment {
            score: checkin.score,
            zone: assessment.zone,
            advice: assessment.advice.clone(),
        });
        self.last_checkin = Some(checkin);
        if !self.is_under_way() {
            return Ok(events);
        }
        match assessment.zone {
            PainZone::WithinBuffer => {}
            PainZone::AboveBuffer => self.scale_back(now_ms, &mut events),
            PainZone::Stop => self.finish_stopped(RunStopReason::PainStop, now_ms, &mut events),
            PainZone::SeeClinician => {
                self.finish_stopped(RunStopReason::RedFlag, now_ms, &mut events)
            }
        }
        Ok(events)
    }

    fn scale_back(&mut self, now_ms: MonoMs, events: &mut Vec<RunEvent>) {
        match self.config.above_zone {
            AboveZoneResponse::SwitchToWalking => {
                let mut changed = 0;
                for seg in self.segments.iter_mut().skip(self.segment) {
                    if seg.kind == SegmentKind::Run {
                        seg.kind = SegmentKind::Walk;
                        changed += 1;
                    }
                }
                if changed > 0 {
                    self.track.end_episode();
                    push(
                        events,
                        now_ms,
                        RunEventKind::SwitchedToWalking {
                            segments_changed: changed,
                        },
                        cue::switched_to_walking(),
                    );
                    self.refresh_metronome(now_ms, events);
                }
            }
            AboveZoneResponse::EndRun => self.end_run(now_ms, events),
        }
    }

    /// Cuts the current segment short and skips to the cool-down.
    fn end_run(&mut self, now_ms: MonoMs, events: &mut Vec<RunEvent>) {
        let Some(current) = self.segments.get(self.segment).copied() else {
            return;
        };
        if current.kind == SegmentKind::CoolDown {
            return;
        }
        let cool_down = self
            .segments
            .iter()
            .enumerate()
            .skip(self.segment + 1)
            .find(|(_, s)| s.kind == SegmentKind::CoolDown)
            .map(|(i, _)| i);
        let Some(cool_down) = cool_down else {
            self.finish_stopped(RunStopReason::PainAboveZone, now_ms, events);
            return;
        };
        let elapsed_in_segment = self.active_ms.saturating_sub(current.start_ms);
        let skipped_ms = current.end_ms().saturating_sub(self.active_ms)
            + self.segments[self.segment + 1..cool_down]
                .iter()
                .map(|s| s.duration_ms)
                .sum::<u64>();
        self.segments.drain(self.segment + 1..cool_down);
        if let Some(seg) = self.segments.get_mut(self.segment) {
            seg.duration_ms = elapsed_in_segment;
        }
        let mut start = 0;
        for seg in &mut self.segments {
            seg.start_ms = start;
            start = seg.end_ms();
        }
        self.total_ms = start;
        self.next_countdown = self.countdown_ms.len();
        if self.total_ms / 2 <= self.active_ms {
            // The new halfway point is already behind: do not announce it late.
            self.halfway_done = true;
        }
        self.track.end_episode();
        push(
            events,
            now_ms,
            RunEventKind::RunEnded { skipped_ms },
            cue::run_ended(),
        );
        if self.status == RunStatus::Running {
            // The shortened segment ends now: go straight into the cool-down.
            self.advance(now_ms, events);
        }
    }
}
