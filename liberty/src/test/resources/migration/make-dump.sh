#!/usr/bin/env bash
# Makes the database that MigrationIT starts a newer server on: a private MariaDB, the server this
# checkout built, and a client that does through the REST API what staff, an admin and an auditor
# do. Then it records what the API answered (expectations.json) and dumps the database
# (seatledger-dump.sql.gz). Re-runnable: every run starts from an empty database and overwrites
# both files. See README.md beside this script.
#
#   ./mvnw -B -ntp package -pl liberty -am -DskipTests [-Dserver.name=NAME]
#   SERVER_NAME=NAME liberty/src/test/resources/migration/make-dump.sh
#
# Needs: mariadb-install-db, mariadbd, mariadb, mariadb-dump (Debian: mariadb-server,
# mariadb-client), curl, jq, gzip. Ports: MariaDB 3419, Liberty 19590 (http) / 19591 (https).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
LIBERTY="$(cd "${HERE}/../../../.." && pwd)"
WLP="${LIBERTY}/target/liberty/wlp"
TEMPLATE="${WLP}/usr/servers/${SERVER_NAME:-seatledger}"
WORK="${LIBERTY}/target/migration-dump"
SERVER=dumpmaker
DB_PORT=3419
HTTP_PORT=19590
HTTPS_PORT=19591
BASE="http://localhost:${HTTP_PORT}"
DATABASE=seatledger
OWNER=seatledger_owner
OWNER_PASSWORD=dump-owner-password-1
APP=seatledger_app
APP_PASSWORD=dump-app-password-1
# the test master key of liberty/pom.xml (it.master.key): a test value, never used anywhere else
MASTER_KEY='Fh7uLdLd91FiEJZUgFGp010MCKm/PCGCD9p7XUBxRrM='
ADMIN_PASSWORD='Keeper-of-Migrations-2026'
STAFF=mig-staff
STAFF_PASSWORD='migration-Staff-2026-dump'
AUDITOR=mig-auditor
AUDITOR_PASSWORD='migration-Auditor-2026-dump'
HOLD_LONG=P36500D # held bookings of the dump stay held for a hundred years

for tool in mariadb-install-db mariadbd mariadb mariadb-dump curl jq gzip; do
  command -v "${tool}" >/dev/null || { echo "needs ${tool}" >&2; exit 1; }
done
[ -d "${TEMPLATE}" ] || { echo "no built server at ${TEMPLATE}: build it first (see above)" >&2; exit 1; }

rm -rf "${WORK}"
mkdir -p "${WORK}/db/data" "${WORK}/data" "${WORK}/answers"
MARIADB_PID=""
stop_all() {
  "${WLP}/bin/server" stop "${SERVER}" >/dev/null 2>&1 || true
  if [ -n "${MARIADB_PID}" ]; then kill "${MARIADB_PID}" 2>/dev/null || true; wait "${MARIADB_PID}" 2>/dev/null || true; fi
}
trap stop_all EXIT

# ---- a private MariaDB, accounts as CI makes them (.ci/run) -------------------------------------
chown -R mysql:mysql "${WORK}/db"
mariadb-install-db --no-defaults --user=mysql --datadir="${WORK}/db/data" \
  --auth-root-authentication-method=normal >"${WORK}/db/install.log" 2>&1
mariadbd --no-defaults --user=mysql --datadir="${WORK}/db/data" --port="${DB_PORT}" \
  --bind-address=127.0.0.1 --socket="${WORK}/db/mariadb.sock" --pid-file="${WORK}/db/mariadb.pid" \
  --skip-log-bin --innodb-buffer-pool-size=64M >"${WORK}/db/mariadb.log" 2>&1 &
MARIADB_PID=$!
root() { mariadb --no-defaults --protocol=TCP --host=127.0.0.1 --port="${DB_PORT}" --user=root "$@"; }
for _ in $(seq 1 60); do root -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
root <<SQL
CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER '${OWNER}'@'localhost' IDENTIFIED BY '${OWNER_PASSWORD}';
CREATE USER '${OWNER}'@'127.0.0.1' IDENTIFIED BY '${OWNER_PASSWORD}';
GRANT ALL PRIVILEGES ON ${DATABASE}.* TO '${OWNER}'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON ${DATABASE}.* TO '${OWNER}'@'127.0.0.1' WITH GRANT OPTION;
CREATE USER '${APP}'@'localhost' IDENTIFIED BY '${APP_PASSWORD}';
CREATE USER '${APP}'@'127.0.0.1' IDENTIFIED BY '${APP_PASSWORD}';
SQL

# ---- the server: a copy of the built one, as LibertyServer makes it -----------------------------
rm -rf "${WLP}/usr/servers/${SERVER}"
mkdir -p "${WLP}/usr/servers/${SERVER}"
(cd "${TEMPLATE}" && tar cf - --exclude=./workarea --exclude=./logs --exclude=./tranlog \
  --exclude=./dropins --exclude=./configDropins .) | (cd "${WLP}/usr/servers/${SERVER}" && tar xf -)

start_server() { # hold timeout
  env -i PATH="${PATH}" HOME="${HOME}" ${JAVA_HOME:+JAVA_HOME="${JAVA_HOME}"} \
    SEATLEDGER_DB_URL="jdbc:mysql://127.0.0.1:${DB_PORT}/${DATABASE}?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&useLocalSessionState=true&connectTimeout=3000" \
    SEATLEDGER_DB_USER="${APP}" SEATLEDGER_DB_PASSWORD="${APP_PASSWORD}" \
    SEATLEDGER_DB_MIGRATION_USER="${OWNER}" SEATLEDGER_DB_MIGRATION_PASSWORD="${OWNER_PASSWORD}" \
    SEATLEDGER_HTTP_PORT="${HTTP_PORT}" SEATLEDGER_HTTPS_PORT="${HTTPS_PORT}" \
    SEATLEDGER_DATA_DIR="${WORK}/data" SEATLEDGER_ADMIN_PASSWORD="${ADMIN_PASSWORD}" \
    SEATLEDGER_MASTER_KEY="${MASTER_KEY}" SEATLEDGER_HOLD_TIMEOUT="$1" \
    SEATLEDGER_EXPIRY_INTERVAL_SECONDS=1 \
    "${WLP}/bin/server" start "${SERVER}" >/dev/null
  for _ in $(seq 1 180); do
    curl -fsS "${BASE}/health/ready" 2>/dev/null | grep -q '"status":"UP"' && return 0
    sleep 1
  done
  echo "the server did not become ready" >&2
  tail -50 "${WLP}/usr/servers/${SERVER}/logs/messages.log" >&2
  exit 1
}
stop_server() { "${WLP}/bin/server" stop "${SERVER}" >/dev/null; }

# ---- the client ---------------------------------------------------------------------------------
# call USER PASSWORD METHOD PATH [BODY] [IDEMPOTENCY_KEY]: the answer's body in ${WORK}/body,
# its status in STATUS, its Location in LOCATION
call() {
  local user="$1" password="$2" method="$3" path="$4" body="${5-}" key="${6-}"
  local args=(-sS -u "${user}:${password}" -X "${method}" -o "${WORK}/body" -D "${WORK}/headers"
    -w '%{http_code}')
  if [ "${method}" != GET ]; then args+=(-H 'Content-Type: application/json' --data-binary "${body}"); fi
  if [ -n "${key}" ]; then args+=(-H "Idempotency-Key: ${key}"); fi
  STATUS="$(curl "${args[@]}" "${BASE}${path}")"
  LOCATION="$(tr -d '\r' <"${WORK}/headers" | sed -n 's/^[Ll]ocation: //p')"
}
# expect STATUS USER PASSWORD METHOD PATH [BODY] [KEY]: call, fail unless the status is STATUS
expect() {
  local want="$1"; shift
  call "$@"
  if [ "${STATUS}" != "${want}" ]; then
    echo "$3 $4 answered ${STATUS}, not ${want}: $(cat "${WORK}/body")" >&2
    exit 1
  fi
}
staff() { expect "$1" "${STAFF}" "${STAFF_PASSWORD}" "${@:2}"; }
admin() { expect "$1" admin "${ADMIN_PASSWORD}" "${@:2}"; }
field() { jq -r "$1" "${WORK}/body"; }
# a command sent with an Idempotency-Key: what was sent and the first answer, for the replay test
remember() { # USER METHOD PATH BODY KEY
  jq -n --arg user "$1" --arg method "$2" --arg path "$3" --arg body "$4" --arg key "$5" \
    --argjson status "${STATUS}" --arg location "${LOCATION}" --slurpfile answer "${WORK}/body" \
    '{user: $user, method: $method, path: $path, body: $body, key: $key, status: $status,
      location: (if $location == "" then null else $location end), answer: $answer[0]}' \
    >>"${WORK}/keyed.jsonl"
}
keyed() { # WANT USER PASSWORD METHOD PATH BODY KEY
  expect "$1" "$2" "$3" "$4" "$5" "$6" "$7"
  remember "$2" "$4" "$5" "$6" "$7"
}
book() { # CONFERENCE NAME EMAIL SEATS-JSON: the new booking's id in BOOKING
  staff 201 POST "/api/conferences/$1/bookings" \
    "$(jq -cn --arg n "$2" --arg e "$3" --argjson s "$4" '{registrant: {name: $n, email: $e}, seats: $s}')"
  BOOKING="$(field .id)"
}
confirm() { # BOOKING PAYMENT-REFERENCE
  call admin "${ADMIN_PASSWORD}" GET "/api/bookings/$1"
  local total currency
  total="$(field .total)"; currency="$(field .currency)"
  staff 200 POST "/api/bookings/$1/confirm" \
    "$(jq -cn --arg p "$2" --argjson a "${total}" --arg c "${currency}" '{paymentReference: $p, amount: $a, currency: $c}')"
}
conference() { # NAME SLUG STARTS ENDS VENUE: the id in CONFERENCE
  staff 201 POST /api/conferences \
    "$(jq -cn --arg n "$1" --arg s "$2" --arg a "$3" --arg b "$4" --arg v "$5" '{name: $n, slug: $s, startsOn: $a, endsOn: $b, venue: $v}')"
  CONFERENCE="$(field .id)"
}
seat_type() { # CONFERENCE CODE NAME QUANTITY PRICE CURRENCY
  staff 201 POST "/api/conferences/$1/seat-types" \
    "$(jq -cn --arg c "$2" --arg n "$3" --argjson q "$4" --argjson p "$5" --arg cur "$6" '{code: $c, name: $n, quantity: $q, price: $p, currency: $cur}')"
}
: >"${WORK}/keyed.jsonl"
BOOKINGS=()

# ---- phase 1: a short hold, so one booking expires as it does in production ---------------------
start_server PT4S
admin 201 POST /api/admin/users \
  "$(jq -cn --arg u "${STAFF}" --arg p "${STAFF_PASSWORD}" '{username: $u, password: $p, roles: ["staff"]}')"
admin 201 POST /api/admin/users \
  "$(jq -cn --arg u "${AUDITOR}" --arg p "${AUDITOR_PASSWORD}" '{username: $u, password: $p, roles: ["auditor"]}')"

conference "DevConf Kraków 2027" devconf-krakow-2027 2027-05-10 2027-05-12 "ICE Kraków Congress Centre"
MAIN="${CONFERENCE}"
seat_type "${MAIN}" standard "Standard" 100 250.00 EUR
seat_type "${MAIN}" vip "VIP with dinner" 10 890.50 EUR
seat_type "${MAIN}" workshop "Workshop day" 20 120 EUR
staff 200 POST "/api/conferences/${MAIN}/publish" ""
book "${MAIN}" "Olaf Ablauf" "olaf.ablauf@example.org" '{"standard": 2, "workshop": 1}'
EXPIRED="${BOOKING}"; BOOKINGS+=("${EXPIRED}")
for _ in $(seq 1 60); do
  call admin "${ADMIN_PASSWORD}" GET "/api/bookings/${EXPIRED}"
  [ "$(field .status)" = EXPIRED ] && break
  sleep 1
done
[ "$(field .status)" = EXPIRED ] || { echo "the short hold did not expire" >&2; exit 1; }
stop_server

# ---- phase 2: everything else, holds that last --------------------------------------------------
start_server "${HOLD_LONG}"
admin 200 PUT "/api/conferences/${MAIN}/seat-types/standard/quantity" '{"quantity": 120}'
staff 200 PUT "/api/conferences/${MAIN}/seat-types/vip/quantity" '{"quantity": 8}'

book "${MAIN}" "Zoë Ångström-Ødegaard" "zoe.angstrom@example.org" '{"standard": 2, "vip": 1}'
HELD="${BOOKING}"; BOOKINGS+=("${HELD}")
book "${MAIN}" "Marta Nowak" "marta.nowak@example.org" '{"standard": 3}'
CONFIRMED="${BOOKING}"; BOOKINGS+=("${CONFIRMED}")
confirm "${CONFIRMED}" "PAY-2027-0001"
staff 200 POST "/api/bookings/${CONFIRMED}/attendees" '{"attendees": [
  {"seatType": "standard", "name": "Marta Nowak", "email": "marta.nowak@example.org"},
  {"seatType": "standard", "name": "Jan Kowalski", "email": "jan.kowalski@example.org"},
  {"seatType": "standard", "name": "Łucja Wiśniewska", "email": "lucja.w@example.org"}]}'
book "${MAIN}" "Carl Cancelled" "carl@example.org" '{"vip": 2}'
CANCELLED_SOLD="${BOOKING}"; BOOKINGS+=("${CANCELLED_SOLD}")
confirm "${CANCELLED_SOLD}" "PAY-2027-0002"
staff 200 POST "/api/bookings/${CANCELLED_SOLD}/cancel" '{"reason": "Travel budget withdrawn"}'
book "${MAIN}" "Hanna Hold" "hanna.hold@example.org" '{"workshop": 4}'
CANCELLED_HELD="${BOOKING}"; BOOKINGS+=("${CANCELLED_HELD}")
staff 200 POST "/api/bookings/${CANCELLED_HELD}/cancel" '{"reason": "Booked the wrong day"}'
book "${MAIN}" "Erika Vergessen" "erika.vergessen@example.org" '{"standard": 1, "workshop": 1}'
ERASED="${BOOKING}"; BOOKINGS+=("${ERASED}")
confirm "${ERASED}" "PAY-ERIKA-7731"
call admin "${ADMIN_PASSWORD}" GET "/api/bookings/${ERASED}"
ERASED_SUBJECT="$(field .registrantId)"
admin 200 POST "/api/subjects/${ERASED_SUBJECT}/erase" ""
cp "${WORK}/body" "${WORK}/answers/erasure.json"

# commands with an Idempotency-Key: a booking placed and confirmed, a cancellation, a quantity
keyed 201 "${STAFF}" "${STAFF_PASSWORD}" POST "/api/conferences/${MAIN}/bookings" \
  '{"registrant": {"name": "Kenji Schlüssel", "email": "kenji@example.org"}, "seats": {"standard": 1, "vip": 1}}' \
  mig-place-0001
KEYED="$(field .id)"; BOOKINGS+=("${KEYED}")
keyed 200 "${STAFF}" "${STAFF_PASSWORD}" POST "/api/bookings/${KEYED}/confirm" \
  '{"paymentReference": "PAY-KEYED-0001", "amount": 1140.50, "currency": "EUR"}' mig-confirm-0001
book "${MAIN}" "Rita Rücktritt" "rita@example.org" '{"workshop": 2}'
KEYED_CANCEL="${BOOKING}"; BOOKINGS+=("${KEYED_CANCEL}")
keyed 200 "${STAFF}" "${STAFF_PASSWORD}" POST "/api/bookings/${KEYED_CANCEL}/cancel" \
  '{"reason": "Changed plans"}' mig-cancel-0001
keyed 200 admin "${ADMIN_PASSWORD}" PUT "/api/conferences/${MAIN}/seat-types/workshop/quantity" \
  '{"quantity": 24}' mig-quantity-0001

# a conference that was published, sold a seat and was unpublished
conference "Closed Workshop 2027" closed-workshop-2027 2027-09-01 2027-09-01 "Room 4, Leipzig"
CLOSED="${CONFERENCE}"
seat_type "${CLOSED}" seat "Seat" 12 80 EUR
staff 200 POST "/api/conferences/${CLOSED}/publish" ""
book "${CLOSED}" "Ulla Unveröffentlicht" "ulla@example.org" '{"seat": 1}'
BOOKINGS+=("${BOOKING}")
confirm "${BOOKING}" "PAY-CLOSED-0001"
staff 200 POST "/api/conferences/${CLOSED}/unpublish" ""

# a conference made with keys and never published
keyed 201 "${STAFF}" "${STAFF_PASSWORD}" POST /api/conferences \
  '{"name": "Draft Summit 2028", "slug": "draft-summit-2028", "startsOn": "2028-03-01", "endsOn": "2028-03-03", "venue": "To be announced"}' \
  mig-conference-0001
DRAFT="$(field .id)"
keyed 201 "${STAFF}" "${STAFF_PASSWORD}" POST "/api/conferences/${DRAFT}/seat-types" \
  '{"code": "early", "name": "Early bird", "quantity": 50, "price": 99.99, "currency": "USD"}' \
  mig-seat-type-0001

# a busy conference: more than 100 events on its seat stream, so a snapshot was taken
conference "Bulk Summit 2027" bulk-summit-2027 2027-11-02 2027-11-04 "Messe Berlin"
BULK="${CONFERENCE}"
seat_type "${BULK}" standard "Standard" 500 49 EUR
staff 200 POST "/api/conferences/${BULK}/publish" ""
BULK_BOOKINGS=()
for i in $(seq 1 70); do
  book "${BULK}" "Bulk Guest ${i}" "guest${i}@example.org" '{"standard": 1}'
  BULK_BOOKINGS+=("${BOOKING}"); BOOKINGS+=("${BOOKING}")
done
for i in $(seq 0 39); do confirm "${BULK_BOOKINGS[$i]}" "PAY-BULK-$((i + 1))"; done
for i in $(seq 40 44); do
  staff 200 POST "/api/bookings/${BULK_BOOKINGS[$i]}/cancel" '{"reason": "No longer needed"}'
done

# ---- read models caught up, the log verified ----------------------------------------------------
for _ in $(seq 1 60); do
  call admin "${ADMIN_PASSWORD}" GET /api/admin/projections
  jq -e 'all(.[]; .status == "RUNNING" and .lagEvents == 0)' "${WORK}/body" >/dev/null && break
  sleep 1
done
jq -e 'all(.[]; .status == "RUNNING" and .lagEvents == 0)' "${WORK}/body" >/dev/null \
  || { echo "read models did not catch up: $(cat "${WORK}/body")" >&2; exit 1; }
cp "${WORK}/body" "${WORK}/answers/projections.json"
admin 200 POST /api/admin/verify ""
jq -e '.ok' "${WORK}/body" >/dev/null || { echo "the log does not verify: $(cat "${WORK}/body")" >&2; exit 1; }
cp "${WORK}/body" "${WORK}/answers/verify.json"
expect 200 "${AUDITOR}" "${AUDITOR_PASSWORD}" POST /api/audit/verify ""
SNAPSHOTS="$(root -N -e "SELECT COUNT(*) FROM ${DATABASE}.snapshots WHERE stream_id = 'seats-${BULK}'")"
[ "${SNAPSHOTS}" -ge 1 ] || { echo "no snapshot of seats-${BULK} was taken" >&2; exit 1; }

# ---- what the API answers now: the expectations -------------------------------------------------
save() { # NAME PATH: the admin's answer to GET PATH in answers/NAME.json
  admin 200 GET "$2"
  cp "${WORK}/body" "${WORK}/answers/$1.json"
}
save conference-list /api/conferences
save users /api/admin/users
CONFERENCES=("${MAIN}" "${CLOSED}" "${DRAFT}" "${BULK}")
for c in "${CONFERENCES[@]}"; do
  save "conference-${c}" "/api/conferences/${c}"
  save "availability-${c}" "/api/conferences/${c}/availability"
  save "attendees-${c}" "/api/conferences/${c}/attendees"
  save "stats-${c}" "/api/conferences/${c}/stats"
  save "bookings-of-${c}" "/api/bookings?conferenceId=${c}&sort=placedAt&order=asc&size=200"
done
for b in "${BOOKINGS[@]}"; do save "booking-${b}" "/api/bookings/${b}"; done
STREAMS=("conference-${MAIN}" "seats-${MAIN}" "booking-${CONFIRMED}" "booking-${ERASED}"
  "booking-${EXPIRED}" "booking-${KEYED}" "seats-${BULK}")
for s in "${STREAMS[@]}"; do
  save "events-${s}" "/api/streams/${s}/events?limit=1000"
  save "history-${s}" "/api/audit/streams/${s}/history"
done
save audit-export "/api/audit/events?format=json"
if grep -rlq -e "Vergessen" -e "erika.vergessen" -e "PAY-ERIKA" "${WORK}/answers"; then
  echo "the erased registrant's data is still in an answer:" >&2
  grep -rl -e "Vergessen" -e "erika.vergessen" -e "PAY-ERIKA" "${WORK}/answers" >&2
  exit 1
fi

a() { jq -c . "${WORK}/answers/$1.json"; }
by_id() { # PREFIX ID...: {"ID": answers/PREFIX-ID.json, ...}
  local prefix="$1"; shift
  for id in "$@"; do jq -c --arg id "${id}" '{($id): .}' "${WORK}/answers/${prefix}-${id}.json"; done \
    | jq -cs 'add'
}
jq -n \
  --arg commit "$(git -C "${LIBERTY}" rev-parse HEAD 2>/dev/null || echo unknown)" \
  --arg madeAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --arg masterKey "${MASTER_KEY}" --arg holdTimeout "${HOLD_LONG}" \
  --arg adminPassword "${ADMIN_PASSWORD}" \
  --arg staff "${STAFF}" --arg staffPassword "${STAFF_PASSWORD}" \
  --arg auditor "${AUDITOR}" --arg auditorPassword "${AUDITOR_PASSWORD}" \
  --arg main "${MAIN}" --arg closed "${CLOSED}" --arg draft "${DRAFT}" --arg bulk "${BULK}" \
  --arg held "${HELD}" --arg confirmed "${CONFIRMED}" --arg cancelledSold "${CANCELLED_SOLD}" \
  --arg cancelledHeld "${CANCELLED_HELD}" --arg expired "${EXPIRED}" --arg erased "${ERASED}" \
  --arg keyed "${KEYED}" --arg keyedCancel "${KEYED_CANCEL}" \
  --arg erasedSubject "${ERASED_SUBJECT}" \
  --argjson bookings "$(printf '%s\n' "${BOOKINGS[@]}" | jq -R . | jq -cs .)" \
  --argjson streams "$(printf '%s\n' "${STREAMS[@]}" | jq -R . | jq -cs .)" \
  --argjson verify "$(a verify)" --argjson erasure "$(a erasure)" \
  --argjson projections "$(a projections)" \
  --argjson conferenceList "$(a conference-list)" --argjson users "$(a users)" \
  --argjson conferences "$(by_id conference "${CONFERENCES[@]}")" \
  --argjson availability "$(by_id availability "${CONFERENCES[@]}")" \
  --argjson attendees "$(by_id attendees "${CONFERENCES[@]}")" \
  --argjson stats "$(by_id stats "${CONFERENCES[@]}")" \
  --argjson bookingLists "$(by_id bookings-of "${CONFERENCES[@]}")" \
  --argjson bookingAnswers "$(by_id booking "${BOOKINGS[@]}")" \
  --argjson events "$(by_id events "${STREAMS[@]}")" \
  --argjson history "$(by_id history "${STREAMS[@]}")" \
  --argjson idempotent "$(jq -cs . "${WORK}/keyed.jsonl")" \
  '{
    about: "What the API answered, as admin unless said otherwise, right before the dump was taken.",
    madeFrom: {commit: $commit, madeAt: $madeAt},
    masterKey: $masterKey,
    holdTimeout: $holdTimeout,
    users: [
      {username: "admin", password: $adminPassword, roles: ["admin", "auditor", "staff"]},
      {username: $staff, password: $staffPassword, roles: ["staff"]},
      {username: $auditor, password: $auditorPassword, roles: ["auditor"]}],
    conferences: {main: $main, closed: $closed, draft: $draft, bulk: $bulk},
    bookings: {held: $held, confirmed: $confirmed, cancelledSold: $cancelledSold,
      cancelledHeld: $cancelledHeld, expired: $expired, erased: $erased, keyed: $keyed,
      keyedCancel: $keyedCancel, all: $bookings},
    erased: {subjectId: $erasedSubject, booking: $erased,
      traces: ["Erika Vergessen", "erika.vergessen@example.org", "PAY-ERIKA-7731"],
      erasure: $erasure},
    snapshotOf: ("seats-" + $bulk),
    verify: $verify,
    projections: ($projections | map(.name)),
    idempotent: $idempotent,
    answers: {conferenceList: $conferenceList, users: $users, conferences: $conferences,
      availability: $availability, attendees: $attendees, stats: $stats,
      bookingLists: $bookingLists, bookings: $bookingAnswers},
    streams: {events: $events, history: $history}
  }' >"${HERE}/expectations.json"

# ---- the dump: every table with its rows, no CREATE DATABASE ------------------------------------
stop_server
mariadb-dump --no-defaults --protocol=TCP --host=127.0.0.1 --port="${DB_PORT}" --user=root \
  --default-character-set=utf8mb4 --single-transaction --skip-dump-date --skip-comments \
  --hex-blob --no-tablespaces "${DATABASE}" >"${WORK}/seatledger-dump.sql"
gzip -9 -n -c "${WORK}/seatledger-dump.sql" >"${HERE}/seatledger-dump.sql.gz"
echo "wrote ${HERE}/expectations.json and ${HERE}/seatledger-dump.sql.gz" \
  "($(wc -c <"${WORK}/seatledger-dump.sql") bytes of SQL, $(jq .verify.checkedEvents "${HERE}/expectations.json") events)"
