//! A simulated disk for the store's power-loss tests.
//!
//! It keeps two states of everything: what the program sees now, and what
//! is durable. A file's bytes become durable on `sync`; a name (created,
//! renamed, removed) on `sync_dir` of its folder. Cutting the power keeps
//! the durable state plus whatever the disk happened to write back on its
//! own: for each file a random prefix of its unsynced appended bytes (a torn
//! tail), and for each folder, at random, its durable names, the ones the
//! program last saw, or any mix of the two (renames and removals that
//! reached the disk without a folder sync, in any order); never bytes that
//! were not synced, beyond a torn tail.
//!
//! Faults: `crash_at(n)` cuts the power instead of operation `n` (every
//! later operation fails too); `fail_at(n)` fails operation `n` alone;
//! `refuse_writes(kind)` fails every operation that would change the disk.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use patella_core::store::disk::{AppendHandle, Disk, LockGuard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    File(usize),
    Dir,
}

#[derive(Debug, Default, Clone)]
struct Inode {
    data: Vec<u8>,
    synced: Vec<u8>,
}

/// A change of names not yet made durable by a folder sync.
#[derive(Debug, Clone)]
enum NameOp {
    Create(PathBuf, Entry),
    Remove(PathBuf),
    Rename(PathBuf, PathBuf, Entry),
}

impl NameOp {
    /// The folder whose sync makes it durable (a rename's target folder).
    fn dir(&self) -> PathBuf {
        match self {
            Self::Create(p, _) | Self::Remove(p) | Self::Rename(_, p, _) => parent_of(p),
        }
    }

    fn apply(&self, names: &mut BTreeMap<PathBuf, Entry>) {
        match self {
            Self::Create(p, e) => {
                names.insert(p.clone(), *e);
            }
            Self::Remove(p) => {
                names.remove(p);
            }
            Self::Rename(from, to, e) => {
                names.remove(from);
                names.insert(to.clone(), *e);
            }
        }
    }
}

/// What an operation does to the disk, for the faults that refuse changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    None,
    /// Takes more space: writing bytes, creating a folder.
    Grows,
    /// Renames, removes, truncates.
    Other,
}

#[derive(Debug, Default)]
struct State {
    pending: Vec<NameOp>,
    inodes: Vec<Inode>,
    names: BTreeMap<PathBuf, Entry>,
    durable: BTreeMap<PathBuf, Entry>,
    ops: u64,
    crash_at: Option<u64>,
    fail_at: Option<u64>,
    powered_off: bool,
    refuse_writes: Option<io::ErrorKind>,
    syncs: u64,
}

/// A handle on one simulated disk; clones share it.
#[derive(Debug, Clone, Default)]
pub struct SimDisk(Arc<Mutex<State>>);

fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

fn not_found(path: &Path) -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, format!("{}", path.display()))
}

/// Deterministic pseudo-random numbers, so a failing case can be replayed.
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

impl State {
    /// Counts one operation and applies the faults set for it.
    fn tick(&mut self, change: Change) -> io::Result<()> {
        if self.powered_off {
            return Err(io::Error::other("the power is off"));
        }
        self.ops += 1;
        if self.crash_at == Some(self.ops) {
            self.powered_off = true;
            return Err(io::Error::other("power cut"));
        }
        if self.fail_at == Some(self.ops) {
            return Err(io::Error::other("injected I/O error"));
        }
        let refused = match (self.refuse_writes, change) {
            (None, _) | (_, Change::None) => false,
            // A full disk still removes and renames: that frees space.
            (Some(io::ErrorKind::StorageFull), Change::Other) => false,
            _ => true,
        };
        match self.refuse_writes {
            Some(kind) if refused => Err(io::Error::new(kind, "refused by the simulated disk")),
            _ => Ok(()),
        }
    }

    fn dir_exists(&self, dir: &Path) -> bool {
        dir.parent().is_none() || self.names.get(dir) == Some(&Entry::Dir)
    }

    fn file(&self, path: &Path) -> io::Result<usize> {
        match self.names.get(path) {
            Some(Entry::File(id)) => Ok(*id),
            Some(Entry::Dir) => Err(io::Error::other("is a folder")),
            None => Err(not_found(path)),
        }
    }
}

impl SimDisk {
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Operations done so far.
    pub fn ops(&self) -> u64 {
        self.state().ops
    }

    /// Durability barriers (file and folder syncs) done so far.
    pub fn syncs(&self) -> u64 {
        self.state().syncs
    }

    /// Cuts the power instead of operation number `n` (counted from now).
    pub fn crash_at(&self, n: u64) {
        let mut s = self.state();
        s.crash_at = Some(s.ops + n);
    }

    /// Fails operation number `n` (counted from now), alone.
    pub fn fail_at(&self, n: u64) {
        let mut s = self.state();
        s.fail_at = Some(s.ops + n);
    }

    /// Fails every change to the disk with `kind` (full, read-only), or
    /// stops doing so with `None`.
    pub fn refuse_writes(&self, kind: Option<io::ErrorKind>) {
        self.state().refuse_writes = kind;
    }

    /// Cuts the power now (if it was not already) and restarts: what was
    /// not durable is lost, but for what the disk wrote back on its own.
    pub fn power_cut(&self, rng: &mut Lcg) {
        let mut s = self.state();
        for inode in &mut s.inodes {
            let extra = inode.data.len().saturating_sub(inode.synced.len());
            if inode.data.starts_with(&inode.synced) && extra > 0 {
                let kept = inode.synced.len() + rng.below(extra as u64 + 1) as usize;
                inode.data.truncate(kept);
            } else {
                inode.data = inode.synced.clone();
            }
            inode.synced = inode.data.clone();
        }
        // Per folder: none of the name changes not yet synced reach the
        // disk, all of them, or any of them (a file system may write them
        // back in any order); each rename is atomic.
        let dirs: BTreeSet<PathBuf> = s.pending.iter().map(|op| op.dir()).collect();
        let modes: BTreeMap<PathBuf, u64> = dirs.into_iter().map(|d| (d, rng.below(3))).collect();
        let mut names = s.durable.clone();
        for op in &s.pending {
            let applied = match modes.get(&op.dir()).copied().unwrap_or(0) {
                0 => false,
                1 => true,
                _ => rng.below(2) == 0,
            };
            if applied {
                op.apply(&mut names);
            }
        }
        s.pending.clear();
        // A name whose folder did not survive is gone with it.
        let orphans: Vec<PathBuf> = names
            .keys()
            .filter(|p| {
                p.ancestors()
                    .skip(1)
                    .filter(|a| a.parent().is_some())
                    .any(|a| names.get(a) != Some(&Entry::Dir))
            })
            .cloned()
            .collect();
        for orphan in orphans {
            names.remove(&orphan);
        }
        s.durable = names.clone();
        s.names = names;
        s.powered_off = false;
        s.crash_at = None;
        s.fail_at = None;
    }

    /// The bytes of `path` as the program sees them now, if it exists.
    pub fn contents(&self, path: &Path) -> Option<Vec<u8>> {
        let s = self.state();
        s.file(path).ok().map(|id| s.inodes[id].data.clone())
    }

    /// Writes a file and makes it durable, outside the store (setting up a case).
    pub fn put(&self, path: &Path, bytes: &[u8]) {
        let mut s = self.state();
        let id = s.inodes.len();
        s.inodes.push(Inode {
            data: bytes.to_vec(),
            synced: bytes.to_vec(),
        });
        s.names.insert(path.to_path_buf(), Entry::File(id));
        s.durable.insert(path.to_path_buf(), Entry::File(id));
    }

    /// Every path the program sees now.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.state().names.keys().cloned().collect()
    }
}

#[derive(Debug)]
struct SimAppend {
    disk: SimDisk,
    inode: usize,
}

impl AppendHandle for SimAppend {
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut s = self.disk.state();
        s.tick(Change::Grows)?;
        s.inodes[self.inode].data.extend_from_slice(bytes);
        Ok(())
    }
    fn sync(&mut self) -> io::Result<()> {
        let mut s = self.disk.state();
        s.tick(Change::None)?;
        s.syncs += 1;
        let inode = &mut s.inodes[self.inode];
        inode.synced = inode.data.clone();
        Ok(())
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        let mut s = self.disk.state();
        s.tick(Change::Other)?;
        s.inodes[self.inode].data.truncate(len as usize);
        Ok(())
    }
    fn size(&self) -> io::Result<u64> {
        let s = self.disk.state();
        Ok(s.inodes[self.inode].data.len() as u64)
    }
}

#[derive(Debug)]
struct SimLock;
impl LockGuard for SimLock {}

impl Disk for SimDisk {
    fn read(&self, path: &Path) -> io::Result<Option<Vec<u8>>> {
        let mut s = self.state();
        s.tick(Change::None)?;
        Ok(s.file(path).ok().map(|id| s.inodes[id].data.clone()))
    }

    fn write_file(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut s = self.state();
        s.tick(Change::Grows)?;
        if !s.dir_exists(&parent_of(path)) {
            return Err(not_found(path));
        }
        match s.names.get(path) {
            Some(Entry::File(id)) => {
                let id = *id;
                s.inodes[id].data = bytes.to_vec();
            }
            Some(Entry::Dir) => return Err(io::Error::other("is a folder")),
            None => {
                let id = s.inodes.len();
                s.inodes.push(Inode {
                    data: bytes.to_vec(),
                    synced: Vec::new(),
                });
                s.names.insert(path.to_path_buf(), Entry::File(id));
                s.pending
                    .push(NameOp::Create(path.to_path_buf(), Entry::File(id)));
            }
        }
        Ok(())
    }

    fn sync(&self, path: &Path) -> io::Result<()> {
        let mut s = self.state();
        s.tick(Change::None)?;
        s.syncs += 1;
        let id = s.file(path)?;
        let inode = &mut s.inodes[id];
        inode.synced = inode.data.clone();
        Ok(())
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        let mut s = self.state();
        s.tick(Change::Other)?;
        let entry = *s.names.get(from).ok_or_else(|| not_found(from))?;
        if !s.dir_exists(&parent_of(to)) {
            return Err(not_found(to));
        }
        // POSIX: renaming a name onto another name of the same file does nothing.
        if s.names.get(to) == Some(&entry) {
            return Ok(());
        }
        s.names.remove(from);
        s.names.insert(to.to_path_buf(), entry);
        s.pending
            .push(NameOp::Rename(from.to_path_buf(), to.to_path_buf(), entry));
        Ok(())
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        let mut s = self.state();
        s.tick(Change::None)?;
        s.syncs += 1;
        if !s.dir_exists(dir) {
            return Err(not_found(dir));
        }
        let stale: Vec<PathBuf> = s
            .durable
            .keys()
            .filter(|p| parent_of(p) == dir)
            .cloned()
            .collect();
        for path in stale {
            s.durable.remove(&path);
        }
        let now: Vec<(PathBuf, Entry)> = s
            .names
            .iter()
            .filter(|(p, _)| parent_of(p) == dir)
            .map(|(p, e)| (p.clone(), *e))
            .collect();
        s.durable.extend(now);
        s.pending.retain(|op| op.dir() != dir);
        Ok(())
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        let mut s = self.state();
        s.tick(Change::Other)?;
        match s.names.get(path) {
            Some(Entry::Dir) => Err(io::Error::other("is a folder")),
            Some(Entry::File(_)) => {
                s.names.remove(path);
                s.pending.push(NameOp::Remove(path.to_path_buf()));
                Ok(())
            }
            None => Ok(()),
        }
    }

    fn ensure_dir(&self, dir: &Path, _own: bool) -> io::Result<bool> {
        let mut s = self.state();
        match s.names.get(dir) {
            Some(Entry::Dir) => return Ok(false),
            Some(Entry::File(_)) => return Err(io::Error::other("a file is in the way")),
            None if dir.parent().is_none() => return Ok(false),
            None => {}
        }
        s.tick(Change::Grows)?;
        if !s.dir_exists(&parent_of(dir)) {
            return Err(not_found(dir));
        }
        s.names.insert(dir.to_path_buf(), Entry::Dir);
        s.pending
            .push(NameOp::Create(dir.to_path_buf(), Entry::Dir));
        Ok(true)
    }

    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        let mut s = self.state();
        s.tick(Change::Other)?;
        if s.names.keys().any(|p| parent_of(p) == dir) {
            return Err(io::Error::other("folder not empty"));
        }
        if s.names.remove(dir).is_some() {
            s.pending.push(NameOp::Remove(dir.to_path_buf()));
        }
        Ok(())
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<String>> {
        let mut s = self.state();
        s.tick(Change::None)?;
        Ok(s.names
            .keys()
            .filter(|p| parent_of(p) == dir)
            .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
            .collect())
    }

    fn open_append(&self, path: &Path) -> io::Result<Box<dyn AppendHandle>> {
        let mut s = self.state();
        s.tick(Change::None)?;
        // Opening to append needs write permission; a full disk still opens.
        if let Some(kind) = s.refuse_writes.filter(|k| *k != io::ErrorKind::StorageFull) {
            return Err(io::Error::new(kind, "refused by the simulated disk"));
        }
        let inode = s.file(path)?;
        Ok(Box::new(SimAppend {
            disk: self.clone(),
            inode,
        }))
    }

    fn try_lock(&self, _path: &Path) -> io::Result<Option<Box<dyn LockGuard>>> {
        Ok(Some(Box::new(SimLock)))
    }
}
