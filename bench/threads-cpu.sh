#!/usr/bin/env bash
# CPU per thread of a running JVM over N seconds: bench/threads-cpu.sh PID [seconds]
pid=$1; secs=${2:-20}; hz=$(getconf CLK_TCK)
snap() { for t in /proc/$pid/task/*; do echo "$(basename $t) $(awk '{print $14+$15}' $t/stat 2>/dev/null) $(tr ' ' '_' < $t/comm)"; done; }
snap > /tmp/cpu0.$$; sleep "$secs"; snap > /tmp/cpu1.$$
join <(sort /tmp/cpu0.$$) <(sort /tmp/cpu1.$$) | awk -v hz=$hz -v s=$secs '{d=$4-$2; if (d>0) printf "%6.2f%%  %s\n", 100*d/hz/s, $3}' | sort -rn | head -25
rm -f /tmp/cpu0.$$ /tmp/cpu1.$$
