#!/bin/bash
# Records the squeue-*.txt and scontrol-*.txt fixtures beside it from the test cluster
# (releng/scripts/slurm-cluster.sh start, freshly started), with the formats SlurmClient uses:
#   preempting  a non-requeueable job preempted (PREEMPTED), a requeueable one requeued (PENDING, BeginTime)
#   running     an array with %2 (RUNNING, CANCELLED, pending range [3-5%2] with JobArrayTaskLimit), an array
#               with a failed task (FAILED, NonZeroExitCode, exit 3), Resources, PartitionTimeLimit
#   ended       the same after the 1-minute job reached its limit (TIMEOUT)
# sacct-array.txt is written by hand after sacct(1) (--parsable2 --allocations): the test cluster
# keeps no accounting.
set -u
cd "${1:-.}"
F="%i|%F|%K|%T|%r|%N|%S|%e"
snap() { squeue --noheader --states=all --format="$F" > squeue-$1.txt; scontrol --oneliner show job > scontrol-$1.txt; }
P=$(sbatch --parsable --no-requeue -c 2 -o /dev/null --wrap "sleep 300")
Q=$(sbatch --parsable --requeue -c 2 -o /dev/null --wrap "sleep 300")
sleep 2
U=$(sbatch --parsable -p urgent -c 8 -o /dev/null --wrap "sleep 2")
sleep 1; snap preempting
sleep 6
T=$(sbatch --parsable -p short --time=1 -o /dev/null --wrap "sleep 300")
D=$(sbatch --parsable --array=0-2 -o /dev/null --wrap 'exit $(( SLURM_ARRAY_TASK_ID == 1 ? 3 : 0 ))')
A=$(sbatch --parsable --array=0-5%2 -o /dev/null --wrap "sleep 40")
B=$(sbatch --parsable -c 8 -o /dev/null --wrap "sleep 1")
C=$(sbatch --parsable -p short --time=5 -o /dev/null --wrap "sleep 1")
sleep 3
scancel ${A}_1
sleep 1
snap running
echo "P=$P Q=$Q U=$U T=$T D=$D A=$A B=$B C=$C" > ids.txt
while [ "$(squeue --noheader --states=all -j $T -o %T)" != TIMEOUT ]; do sleep 2; done
snap ended
scontrol --oneliner show partition > scontrol-partitions.txt
scancel $P $Q $A $B $C
