package dev.labkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlurmStatesTest {
  @Test
  void scontrol_lines_give_each_task_its_state_and_a_pending_rest_of_the_array_every_id() {
    String text = """
        JobId=9 ArrayJobId=5 ArrayTaskId=2-3%2 ArrayTaskThrottle=2 JobName=labkit-x JobState=PENDING Reason=JobArrayTaskLimit BatchHost=(null)
        JobId=6 ArrayJobId=5 ArrayTaskId=0 JobName=labkit-x JobState=RUNNING Reason=None BatchHost=vm
        JobId=7 ArrayJobId=5 ArrayTaskId=1 JobName=labkit-x JobState=TIMEOUT Reason=TimeLimit BatchHost=vm
        """;
    Map<Integer, SlurmStates.Task> tasks = new TreeMap<>();
    SlurmStates.fromScontrol(text).forEach(task -> tasks.put(task.taskId(), task));
    assertThat(tasks.keySet()).containsExactly(0, 1, 2, 3);
    assertThat(SlurmProgress.Counts.of(tasks.values())).hasToString("2 pending, 1 running, 0 done, 1 failed");
    assertThat(tasks.get(1).reason())
        .isEqualTo("Slurm TIMEOUT: job 7 reached its time limit; give it more with --slurm-time");
    assertThat(tasks.get(0).node()).isEqualTo("vm");
  }

  @Test
  void sacct_rows_stand_in_once_the_controller_forgot_the_array() {
    List<SlurmStates.Task> tasks = SlurmStates.fromSacct("12", """
        12_0|13|COMPLETED|node1
        12_1|14|CANCELLED by 0|node2
        12_[2-3]|12|PENDING|None assigned
        """);
    assertThat(tasks).extracting(SlurmStates.Task::taskId).containsExactly(0, 1, 2, 3);
    assertThat(tasks.get(1).state()).isEqualTo("CANCELLED");
    assertThat(tasks.get(2).node()).isNull();
    assertThat(SlurmProgress.Counts.of(tasks)).hasToString("2 pending, 0 running, 1 done, 1 failed");
  }

  @Test
  void task_ids_read_as_slurm_writes_them() {
    assertThat(SlurmStates.taskIds("3")).containsExactly(3);
    assertThat(SlurmStates.taskIds("2-4%2")).containsExactly(2, 3, 4);
    assertThat(SlurmStates.taskIds("1,4-5")).containsExactly(1, 4, 5);
    assertThat(SlurmArray.ids(List.of(0, 1, 2, 3, 7, 9, 10))).isEqualTo("0-3,7,9-10");
  }
}
