"""The clean spawner: the process the programs' processes are forked from, as root of the namespace.

The supervisor runs every job's checks, so its memory (freed memory included, which nothing wipes) holds
earlier jobs' tests and expected values; a process forked from it inherits all of that. The spawner is
forked by the supervisor before the first job and never holds any job's data: per job, the supervisor
sends it the program's three pipe ends, its work folder and its uid over a Unix socket, and it forks the
program's process (program_main) and answers its pid. The kernel reaps its children. The after-job kill
spares it: it runs as the supervisor's uid, and the supervisor kills the sample uid's processes only.
"""

import socket


def start_spawner():
    # A plain function, not a constructor: the programs' processes inherit this call stack, and a call
    # through a type would cost them one level of recursion headroom.
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    pid = os.fork()
    if pid == 0:
        ours.close()
        spawner_main(theirs)
    theirs.close()
    return Spawner(ours, pid)


class Spawner:
    """The supervisor's handle on the spawner."""

    def __init__(self, sock, pid):
        self.sock = sock
        self.pid = pid

    def preload_lcb(self):
        """Has the spawner import LiveCodeBench's modules, so its children get them free."""
        self.sock.sendall(json.dumps({"lcb": True}).encode())
        if not self.sock.recv(64):
            raise OSError("the spawner has stopped")

    def spawn(self, fds, workdir, uid):
        """Forks a program's process with `fds` (job, answers, requests); returns its pid."""
        socket.send_fds(self.sock, [json.dumps({"workdir": workdir, "uid": uid}).encode()], fds)
        data = self.sock.recv(64)
        if not data:
            raise OSError("the spawner has stopped")
        return int(data)


def spawner_main(sock, _exit=os._exit):
    try:
        os.closerange(0, sock.fileno())  # the channel to Node included: it only ever talks to the supervisor
        os.closerange(sock.fileno() + 1, 1 << 16)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reaped by the kernel
        while True:
            msg, fds, _, _ = socket.recv_fds(sock, 4096, 3)
            if not msg:
                break
            req = json.loads(msg)
            if req.get("lcb") and not fds:
                preload_lcb()
                sock.sendall(b"0")
                continue
            if len(fds) != 3:
                break
            pid = os.fork()
            if pid == 0:
                sock.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                program_main(fds[0], fds[1], fds[2], req["workdir"], req["uid"])
            for fd in fds:
                os.close(fd)
            sock.sendall(b"%d" % pid)
    except BaseException:  # noqa: BLE001
        pass
    _exit(0)
