// Resident memory of a process and everything it started, read from /proc (Linux): the RSS of every process in
// the tree summed (shared pages count once per process, so the sum errs high, never low), and, for the root,
// how much of it is WebAssembly linear memory (PGlite). V8 reserves each wasm memory as one large region (with
// guard pages) whose accessible head is a separate read-write mapping: a read-write anonymous mapping followed
// directly by an inaccessible one, the two together at least 4 GiB, is counted as wasm memory.
import fs from "node:fs";

export type TreeSample = { rssBytes: number; processes: number; wasmBytes: number | null };

const GIB = 2 ** 30;

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name is in parentheses and may contain spaces: the fields after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

export function treePids(root: number): number[] {
  const children = childrenOf();
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return out;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

type Mapping = { start: number; end: number; perms: string; name: string; rss: number };

/** Parses /proc/PID/smaps text into mappings (start, end, permissions, name, resident bytes). */
export function parseSmaps(text: string): Mapping[] {
  const maps: Mapping[] = [];
  let cur: Mapping | null = null;
  for (const line of text.split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      cur = { start: parseInt(head[1]!, 16), end: parseInt(head[2]!, 16), perms: head[3]!, name: head[4]!, rss: 0 };
      maps.push(cur);
    } else if (cur && line.startsWith("Rss:")) {
      cur.rss = Number(/(\d+)/.exec(line)?.[1] ?? 0) * 1024;
    }
  }
  return maps;
}

/** Resident bytes of the WebAssembly memories among the mappings (see the header). */
export function wasmResidentBytes(maps: Mapping[]): number {
  let total = 0;
  for (let i = 0; i + 1 < maps.length; i++) {
    const head = maps[i]!;
    const guard = maps[i + 1]!;
    const anonymous = head.name === "" && guard.name === "";
    if (!anonymous || !head.perms.startsWith("rw") || !guard.perms.startsWith("---") || guard.start !== head.end) continue;
    if (guard.end - head.start >= 4 * GIB) total += head.rss;
  }
  return total;
}

export function sampleTree(root: number): TreeSample {
  const pids = treePids(root);
  let wasmBytes: number | null = null;
  try {
    wasmBytes = wasmResidentBytes(parseSmaps(fs.readFileSync(`/proc/${root}/smaps`, "utf8")));
  } catch {
    wasmBytes = null;
  }
  return { rssBytes: pids.reduce((s, p) => s + rssOf(p), 0), processes: pids.length, wasmBytes };
}

/** CPU time (user + system) the process has used so far, in seconds; null once it is gone. Linux ticks are 1/100 s. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
