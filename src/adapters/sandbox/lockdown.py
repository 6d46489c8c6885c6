"""Yardstick sandbox: what the supervisor does to itself and to each sample's process.

The first part of the supervisor's source (one `python -c` program; see open-executor.ts). Uses ctypes once, in the supervisor, before any
sample runs; the forked samples inherit the loaded library.

  - protect_supervisor(): not dumpable, so no process of another uid, and none without capabilities,
    can ptrace it, read /proc/1/mem, open /proc/1/fd/* or take its descriptors with pidfd_getfd.
  - drop_to(uid): a sample's process becomes `uid` (different from the supervisor's), with no
    capabilities, no way to gain any (no_new_privs), and a seccomp filter.
  - hand_over_tmpfs(path, ...): an empty, size- and inode-capped tmpfs at `path` for each sample (a new
    one whenever the previous sample left anything in it).
"""

import ctypes
import os
import platform
import struct

PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
MS_NOSUID = 2
MS_NODEV = 4
MNT_DETACH = 2

_libc = ctypes.CDLL(None, use_errno=True)

# Denied with EPERM: inspecting or controlling other processes, new namespaces and mounts, kernel
# keyrings, BPF, perf, and the memory that no filesystem size cap bounds (memfd, SysV/POSIX IPC).
_DENY = {
    "x86_64": (
        0xC000003E,
        {
            "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311, "pidfd_open": 434,
            "pidfd_getfd": 438, "pidfd_send_signal": 424, "kcmp": 312, "perf_event_open": 298,
            "bpf": 321, "userfaultfd": 323, "keyctl": 250, "add_key": 248, "request_key": 249,
            "unshare": 272, "setns": 308, "mount": 165, "umount2": 166, "pivot_root": 155,
            "chroot": 161, "memfd_create": 319, "memfd_secret": 447, "shmget": 29, "msgget": 68,
            "semget": 64, "mq_open": 240, "io_uring_setup": 425, "io_uring_enter": 426,
            "io_uring_register": 427, "open_by_handle_at": 304, "name_to_handle_at": 303,
            "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432,
            "fspick": 433, "mount_setattr": 442, "personality": 135, "acct": 163,
        },
    ),
    "aarch64": (
        0xC00000B7,
        {
            "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271, "pidfd_open": 434,
            "pidfd_getfd": 438, "pidfd_send_signal": 424, "kcmp": 272, "perf_event_open": 241,
            "bpf": 280, "userfaultfd": 282, "keyctl": 219, "add_key": 217, "request_key": 218,
            "unshare": 97, "setns": 268, "mount": 40, "umount2": 39, "pivot_root": 41, "chroot": 51,
            "memfd_create": 279, "memfd_secret": 447, "shmget": 194, "msgget": 186, "semget": 190,
            "mq_open": 180, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
            "open_by_handle_at": 265, "name_to_handle_at": 264, "open_tree": 428, "move_mount": 429,
            "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
            "personality": 92, "acct": 89,
        },
    ),
}
CLONE3 = 435  # same number on both: ENOSYS, so libc falls back to clone(2)


def _seccomp_program():
    machine = platform.machine()
    if machine not in _DENY:
        return None
    arch, deny = _DENY[machine]
    nrs = sorted(set(deny.values()))
    ret_allow, ret_kill = 0x7FFF0000, 0x80000000
    eperm, enosys = 0x00050000 | 1, 0x00050000 | 38
    ld_w_abs, jeq_k, jge_k, ret_k = 0x20, 0x15, 0x35, 0x06
    prog = [
        (ld_w_abs, 0, 0, 4),  # arch
        (jeq_k, 1, 0, arch),
        (ret_k, 0, 0, ret_kill),  # another ABI (i386 via int 0x80): never used by Python
        (ld_w_abs, 0, 0, 0),  # syscall number
        (jge_k, 0, 1, 0x40000000),  # x32 ABI numbers
        (ret_k, 0, 0, ret_kill),
        (jeq_k, 0, 1, CLONE3),
        (ret_k, 0, 0, enosys),
    ]
    for i, nr in enumerate(nrs):
        # jump to the EPERM return at the end when equal
        prog.append((jeq_k, len(nrs) - i, 0, nr))
    prog.append((ret_k, 0, 0, ret_allow))
    prog.append((ret_k, 0, 0, eperm))
    return b"".join(struct.pack("HBBI", *ins) for ins in prog), len(prog)


_SECCOMP = _seccomp_program()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


_filter_buf = ctypes.create_string_buffer(_SECCOMP[0]) if _SECCOMP else None
_fprog = _SockFprog(_SECCOMP[1], ctypes.addressof(_filter_buf)) if _SECCOMP else None


def _prctl(option, arg):
    if _libc.prctl(option, ctypes.c_ulong(arg), 0, 0, 0) != 0:
        e = ctypes.get_errno()
        raise OSError(e, "prctl(%d): %s" % (option, os.strerror(e)))


def protect_supervisor():
    _prctl(PR_SET_DUMPABLE, 0)


def drop_to(uid):
    """Makes this process `uid` (None: keep the uid), without capabilities, filtered. Irreversible."""
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # clears every capability: the uid is no longer 0
    _prctl(PR_SET_DUMPABLE, 0)
    _prctl(PR_SET_NO_NEW_PRIVS, 1)
    if _fprog is not None:
        if _libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(_fprog), 0, 0) != 0:
            e = ctypes.get_errno()
            raise OSError(e, "seccomp: " + os.strerror(e))


_renewed = set()


def hand_over_tmpfs(path, size, inodes, uid):
    """Gives the tmpfs at `path` to `uid`, empty: the same one when the last sample left nothing in it
    (no entries, no extended attributes or ACLs; owner, mode and times reset), a new one otherwise."""
    if path in _renewed and not os.listdir(path) and not os.listxattr(path):
        os.chown(path, uid, uid)
        os.chmod(path, 0o700)
        os.utime(path, ns=(0, 0))
        return
    fresh_tmpfs(path, size, inodes, uid)
    _renewed.add(path)


def fresh_tmpfs(path, size, inodes, uid):
    """Replaces the tmpfs at `path` by an empty one owned by `uid` (the old one goes with its files)."""
    p = path.encode()
    _libc.umount2(p, MNT_DETACH)
    opts = "size=%d,nr_inodes=%d,mode=0700,uid=%d,gid=%d" % (size, inodes, uid, uid)
    if _libc.mount(b"tmpfs", p, b"tmpfs", MS_NOSUID | MS_NODEV, opts.encode()) != 0:
        e = ctypes.get_errno()
        raise OSError(e, "mount %s: %s" % (path, os.strerror(e)))
