// Summarises a CPU sampling trace converted to speedscope JSON
// (dotnet-trace collect --profile cpu-sampling ... ; dotnet-trace convert --format speedscope):
// prints the frames with the most self time and the most inclusive time,
// summed over all threads, idle/wait frames left out.
//   node top-frames.mjs trace.speedscope.json [N] [filter-regex]
import { readFileSync } from "node:fs";

const [file, nArg, filter] = process.argv.slice(2);
const N = Number(nArg ?? 30);
const doc = JSON.parse(readFileSync(file, "utf8"));
const frames = doc.shared.frames.map((f) => f.name);
// A sample whose innermost managed frame is one of these is a thread waiting, not working.
const IDLE =
  /WaitHandle|Monitor\.Wait|LowLevelLifoSemaphore|LowLevelMonitor|Thread\.Sleep|WaitForSignal|SpinWait|WaitForSocketEvents|SocketAsyncEngine\.EventLoop|WorkerThreadStart\(\)$|ThreadPoolWorkQueue\.Dispatch\(\)$|^Thread \(|^Threads$|^\(Non-Activities\)$|^Process\d+ |StartCallback\(\)$|TimerQueue|Gate\.Wait|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|Task\.SpinThenBlockingWait|Task\.InternalWaitCore|FileSystem\.Watcher|SocketManager\.WriteAllQueues|SocketManager\.Read|^\?!\?$/;
// dotnet-trace's thread-time samples end in a pseudo frame saying whether the
// thread ran managed code (CPU_TIME) or was in native code (UNMANAGED_CODE_TIME:
// a wait, a syscall, or native work such as libsodium).
const PSEUDO = /^(CPU_TIME|UNMANAGED_CODE_TIME)$/;
const self = new Map();
const incl = new Map();
let total = 0;

for (const prof of doc.profiles) {
  if (prof.type === "evented") {
    const stack = [];
    let last = prof.startValue;
    for (const ev of prof.events) {
      const dt = ev.at - last;
      last = ev.at;
      const real = stack.filter((f) => !PSEUDO.test(frames[f]));
      if (real.length && dt > 0) {
        const top = real[real.length - 1];
        const idle = IDLE.test(frames[top]);
        if (!idle) {
          total += dt;
          self.set(top, (self.get(top) ?? 0) + dt);
          for (const f of new Set(real)) incl.set(f, (incl.get(f) ?? 0) + dt);
        }
      }
      if (ev.type === "O") stack.push(ev.frame);
      else stack.pop();
    }
  } else if (prof.type === "sampled") {
    prof.samples.forEach((all, k) => {
      const w = prof.weights?.[k] ?? 1;
      const stack = all.filter((f) => !PSEUDO.test(frames[f]));
      if (!stack.length || IDLE.test(frames[stack[stack.length - 1]])) return;
      total += w;
      const top = stack[stack.length - 1];
      self.set(top, (self.get(top) ?? 0) + w);
      for (const f of new Set(stack)) incl.set(f, (incl.get(f) ?? 0) + w);
    });
  }
}

const re = filter ? new RegExp(filter) : null;
const show = (title, m) => {
  console.log(`\n${title} (of ${total.toFixed(1)} busy units)`);
  [...m.entries()]
    .filter(([f]) => !re || re.test(frames[f]))
    .sort((a, b) => b[1] - a[1])
    .slice(0, N)
    .forEach(([f, v]) => console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${frames[f].slice(0, 160)}`));
};
show("self time", self);
show("inclusive time", incl);
