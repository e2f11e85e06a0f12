#!/usr/bin/env python3
"""kill -9 of the `all` process on SQLite while placements start, then a restart: are the calls the
pupils' stored changes still owed made, and do the LA's figures, the pupils and the AP setting agree?

    python3 bench/kill-during-placements.py      (builds Release; uses ports 5000/5001/11111/30000)

Starts the server on a new SQLite file with the demo data, runs the load harness's startPlacement
scenario (1,000 referrals approved, then placed at one setting's Thursday-morning session), kills
the server with SIGKILL once the LA has counted 150 of the new placements, restarts it on the same
file and reports: marks left in ApGridFollowUps, readiness and the first report after the restart,
how soon the sweep cleared the marks, the LA's part-time count against the part-time placements the
pupils record, and the setting's held Thursday-morning places against the placements recorded there,
then waits (up to 4 minutes) for the setting to give back any place held for a placement its pupil
never wrote.
"""
import json, os, signal, sqlite3, subprocess, tempfile, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
db = os.path.join(tempfile.mkdtemp(prefix="apgrid-kill-"), "apgrid.db")
server = ["dotnet", "src/ApGrid.Server/bin/Release/net10.0/ApGrid.Server.dll", "--Storage:SqlitePath", db,
          "--RateLimits:PerTenant:PermitLimit", "100000000"]
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development")  # Development for /dev/token


def start(log):
    began = time.time()
    process = subprocess.Popen(server, cwd=root, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    while True:
        try:
            urllib.request.urlopen("http://127.0.0.1:5000/health/ready", timeout=2).read()
            return process, time.time() - began
        except Exception:
            if process.poll() is not None:
                raise SystemExit(f"the server exited; see {log}")
            time.sleep(0.1)


def post(path, body, token=None):
    headers = {"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})}
    request = urllib.request.Request("http://127.0.0.1:5000" + path, data=json.dumps(body).encode(), headers=headers)
    return json.loads(urllib.request.urlopen(request, timeout=30).read())


def gql(token, query, variables=None):
    answer = post("/graphql", {"query": query, "variables": variables or {}}, token)
    if answer.get("errors"):
        raise RuntimeError(answer["errors"])
    return answer["data"]


def la_token():
    return post("/dev/token", {"tenant": "902", "role": "LA_OFFICER"})["token"]


def part_time(token):
    counts = gql(token, "{ report { pupilsInApByAttendance { key count } } }")["report"]["pupilsInApByAttendance"]
    return sum(c["count"] for c in counts if c["key"] == "PART_TIME")


def marks():
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM ApGridFollowUps").fetchone()[0]


subprocess.run(["dotnet", "build", "-c", "Release", "ApGrid.sln", "-v", "q", "-nologo"], cwd=root, check=True, stdout=subprocess.DEVNULL)
logs = os.path.dirname(db)
first, _ = start(os.path.join(logs, "first.log"))
token = la_token()
before = part_time(token)
harness = subprocess.Popen(["dotnet", "bench/ApGrid.LoadTest/bin/Release/net10.0/ApGrid.LoadTest.dll",
                            "--only", "startPlacement", "--placements", "1000", "--warmup", "1"],
                           cwd=root, stdout=open(os.path.join(logs, "harness.log"), "w"), stderr=subprocess.STDOUT)
while part_time(token) < before + 150:
    time.sleep(0.2)
first.send_signal(signal.SIGKILL)
first.wait()
harness.wait()
print(f"killed -9 once the LA counted {before} + 150 part-time placements; marks left in ApGridFollowUps: {marks()}")

second, ready = start(os.path.join(logs, "second.log"))
token = la_token()
began = time.time()
part_time(token)
print(f"restart: ready in {ready:.1f} s, first report in {(time.time() - began) * 1000:.0f} ms")
began = time.time()
while marks() > 0 and time.time() - began < 60:
    time.sleep(0.2)
print(f"marks left {marks()}, {time.time() - began:.1f} s after the first report")

counted = part_time(token)
settings = gql(token, "{ localAuthority { apSettings { urn keyStages } } }")["localAuthority"]["apSettings"]
recorded = 0
for setting in settings:
    placements = gql(token, "query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { fullTime } } }",
                     {"urn": setting["urn"]})["apSetting"]["placements"]
    recorded += sum(1 for p in placements if not p["fullTime"])
print(f"LA's part-time count {counted}; part-time placements the pupils record {recorded}")

urn = next(s["urn"] for s in settings if "KS3" in s["keyStages"])  # the harness's setting


def thursday():
    setting = gql(token, "query($urn: String!) { apSetting(urn: $urn) { sessions { session places free } placements(status: ACTIVE) { fullTime sessions } } }",
                  {"urn": urn})["apSetting"]
    session = next(s for s in setting["sessions"] if s["session"] == "THU_AM")
    return session["places"] - session["free"], sum(1 for p in setting["placements"] if not p["fullTime"] and "THU_AM" in p["sessions"])


held, there = thursday()
print(f"setting {urn}: Thursday-morning places held {held}, placements recorded there {there}")
# A hold its pupil never wrote is given back once older than PlaceHolds:ConfirmationTimeout (2 min), at the next check (each minute).
began = time.time()
while held != there and time.time() - began < 240:
    time.sleep(5)
    held, there = thursday()
print(f"after {time.time() - began:.0f} s: held {held}, recorded {there}")
print("the restarted server's log:",
      [line.strip() for line in open(os.path.join(logs, "second.log")) if "follow-up" in line or "gave back" in line][:5])
second.send_signal(signal.SIGTERM)
second.wait()
