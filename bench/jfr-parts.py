"""Where a recorded run's time goes, by part: reads the text of
    jfr print --stack-depth 200 --events jdk.ExecutionSample RECORDING.jfr > samples.txt
and gives each execution sample to the first of the parts below (in this order) that has a
frame on its stack, so a part listed earlier wins when it calls one listed later or is called
by it. The compiler threads are not sampled: see -XX:+CITime for them.

    python3 bench/jfr-parts.py samples.txt
"""
import sys, re, collections
cats = [
  ("masking", re.compile(r"^pajakdx\.text\.(Masking|DigitRuns|NumberShapes)")),
  ("JSON writing", re.compile(r"^(pajakdx\.json\.|pajakdx\.DiagnosisJson|com\.fasterxml\.jackson\.core\.json\.\w*Generator|com\.fasterxml\.jackson\.core\.(util|io)\.)")),
  ("parsing the line", re.compile(r"^(pajakdx\.doc\.|pajakdx\.batch\.(LineReader|BatchInput)|com\.fasterxml\.jackson\.core\.json\.\w*(Parser|Reader)|pajakdx\.Case\.)")),
  ("choosing and reading partitions", re.compile(r"^(java\.io\.ObjectInputStream|pajakdx\.Partitions|org\.drools\.\w+\.\w+.*readExternal)")),
  ("collecting facts", re.compile(r"^pajakdx\.collect\.")),
  ("Drools", re.compile(r"^(org\.drools|org\.kie|org\.mvel)")),
  ("building the diagnosis", re.compile(r"^pajakdx\.(DiagnosisBuilder|NotConcludedCauses|ExplainingAway|explain\.|Diagnosis\b|engine\.)")),
  ("the batch loop and writing output", re.compile(r"^(java\.io\.|sun\.nio\.cs\.|pajakdx\.batch\.BatchRunner)")),
]
counts = collections.Counter(); threads = collections.Counter(); total = 0
frames = []; thread = None
def flush():
  global total
  if not frames: return
  total += 1
  for name, pat in cats:
    if any(pat.search(f) for f in frames):
      counts[name] += 1; break
  else:
    counts["other"] += 1
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
  s = line.strip()
  if s.startswith("jdk.ExecutionSample"):
    flush(); frames = []; thread = None
  elif s.startswith("sampledThread"):
    m = re.search(r'"([^"]*)"', s); thread = m.group(1) if m else "?"
    threads[re.sub(r"\d+$", "N", thread)] += 1
  elif re.match(r"^[\w$.]+\.[\w$<>]+\(", s):
    frames.append(s)
flush()
print(f"samples: {total}")
for k, v in counts.most_common():
  if v: print(f"{k}: {v} ({100*v/total:.1f} %)")
print("threads:", dict(threads.most_common(8)))
