"""Starts bubblewrap inside a user namespace that maps three uids (used when Yardstick runs as root).

argv: HOST_BASE SAMPLE_UID -- bwrap ARGS...

Inside the namespace uid 0 (host HOST_BASE) runs the supervisor, and uids SAMPLE_UID and SAMPLE_UID+1
(host HOST_BASE+1, +2) run the samples, so a sample never shares a uid with its supervisor. bubblewrap
can only map one uid, hence this step. Creating further user namespaces inside is disabled
(max_user_namespaces = 0), so a sample cannot get a namespace of its own to mount an uncapped tmpfs in.
"""

import ctypes
import os
import sys

CLONE_NEWUSER = 0x10000000


def main():
    base, sample = int(sys.argv[1]), int(sys.argv[2])
    argv = sys.argv[sys.argv.index("--") + 1 :]
    go_r, go_w = os.pipe()
    done_r, done_w = os.pipe()
    me = os.getpid()
    helper = os.fork()
    if helper == 0:
        # Writes the maps of the process that unshared (a process cannot map other uids for itself).
        os.close(go_w)
        os.close(done_r)
        if os.read(go_r, 1) != b"g":
            os._exit(1)
        line = "0 %d 1\n%d %d 2\n" % (base, sample, base + 1)
        for name in ("uid_map", "gid_map"):
            with open("/proc/%d/%s" % (me, name), "w") as f:
                f.write(line)
        os.write(done_w, b"k")
        os._exit(0)
    os.close(go_r)
    os.close(done_w)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWUSER) != 0:
        sys.exit("cannot create a user namespace: " + os.strerror(ctypes.get_errno()))
    os.write(go_w, b"g")
    ok = os.read(done_r, 1) == b"k"
    os.waitpid(helper, 0)
    if not ok:
        sys.exit("cannot map the sandbox's uids")
    os.setresgid(0, 0, 0)
    os.setgroups([])
    os.setresuid(0, 0, 0)
    with open("/proc/sys/user/max_user_namespaces", "w") as f:
        f.write("0")
    os.close(go_w)
    os.close(done_r)
    os.execv(argv[0], argv)


main()
