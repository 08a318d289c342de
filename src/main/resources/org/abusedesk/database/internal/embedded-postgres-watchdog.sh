# Stops the embedded PostgreSQL in the data directory $1 once no abusedesk process uses it
# any more (docs/adr/0009). Run by EmbeddedPostgresServer as
#   sh -c "$script" abusedesk-postgres-watchdog DATA_DIR watch|once keep|delete
# "watch": every second until the server is gone; started by every abusedesk process that
# starts or joins the server, it outlives that process (also a kill -9).
# "once": decides now; run by an abusedesk process that stops using the server.
# "delete": remove the data directory after stopping (throwaway test servers).
#
# A user is a file abusedesk-users/PID holding the start time of that process (field 22 of
# /proc/PID/stat), so that a reused pid is not taken for a user. A process that wants to
# use the server registers first, then waits while abusedesk-stopping exists; whoever stops
# the server creates abusedesk-stopping (mkdir: atomic) and looks at the users again before
# stopping, so that a server is never stopped under a user that registered in between.
data=$1
mode=$2
remove=$3
users=$data/abusedesk-users
marker=$data/abusedesk-stopping
trap '' INT HUP

start_time() {
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	rest=${stat##*)}
	# shellcheck disable=SC2086
	set -- $rest
	echo "${20}"
}

in_use() {
	for user in "$users"/*; do
		[ -f "$user" ] || continue
		pid=${user##*/}
		started=$(cat "$user" 2>/dev/null) || continue
		if [ -n "$started" ] && [ "$(start_time "$pid")" = "$started" ]; then
			return 0
		fi
		rm -f "$user"
	done
	return 1
}

postmaster() {
	head -n 1 "$data/postmaster.pid" 2>/dev/null
}

running() {
	pid=$(postmaster) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# waits (in tenths of a second, at most $2) until the server removed postmaster.pid
await_stopped() {
	n=0
	while [ "$(postmaster)" = "$1" ]; do
		n=$((n + 1))
		[ "$n" -le "$2" ] || return 1
		sleep 0.1
	done
}

stop_server() {
	pid=$(postmaster)
	[ -n "$pid" ] || return 0
	# smart shutdown lets the last clients disconnect, then fast, then immediate
	kill -TERM "$pid" 2>/dev/null || return 0
	await_stopped "$pid" 100 && return 0
	kill -INT "$pid" 2>/dev/null
	await_stopped "$pid" 600 && return 0
	kill -QUIT "$pid" 2>/dev/null
	await_stopped "$pid" 100
}

stop_if_unused() {
	in_use && return 1
	mkdir "$marker" 2>/dev/null || return 1
	if in_use; then
		rmdir "$marker"
		return 1
	fi
	stop_server
	if [ "$remove" = delete ]; then
		rm -rf "$data" "$data.lock"
	else
		rmdir "$marker"
	fi
	return 0
}

case $mode in
once)
	stop_if_unused
	exit 0
	;;
watch)
	while running; do
		stop_if_unused && exit 0
		sleep 1
	done
	;;
esac
