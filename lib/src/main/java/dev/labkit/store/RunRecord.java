package dev.labkit.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labkit.ground.Axis;
import dev.labkit.ground.Selection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a run folder's {@code run.json}: what ran, on what, and how it ended. The format is
 * documented, with its schema version, in docs/architecture.md.
 *
 * @param kind   the task family that ran ({@code classify}, {@code regress}, {@code generate}; null in
 *               run folders older than it): the report picks a sweep's best trial by the family's rule
 * @param status running, finished, failed or interrupted (written in lower case; null when an old or
 *               damaged run.json gives none this labkit knows)
 * @param error  one line saying what went wrong when status is failed, else null
 * @param sweep  where this run sits in a sweep, or null for a run on its own
 * @param description the script's {@code //DESCRIPTION} line, the report page's introduction (null when none)
 * @param notes  the script's {@code .note("…")} texts in Markdown, in order (empty when none); the report
 *               page renders them
 * @param owner  the process writing the folder (set by the run store; absent in folders older than it)
 * @param slurm  where Slurm ran it (a trial run as an array task) or the arrays a sweep submitted (its summary
 *               run); absent outside Slurm
 */
public record RunRecord(int schema, String experiment, String kind, String runId, RunStatus status, String error, long seed,
    SweepInfo sweep, Map<String, Object> params, DatasetInfo dataset, Provenance provenance,
    @JsonInclude(JsonInclude.Include.NON_NULL) String description,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) Owner owner,
    @JsonInclude(JsonInclude.Include.NON_NULL) Slurm slurm) {

  /** A record with no notes and no owner yet: the run store sets the owner when it writes the folder. */
  public RunRecord(int schema, String experiment, String kind, String runId, RunStatus status, String error, long seed,
      SweepInfo sweep, Map<String, Object> params, DatasetInfo dataset, Provenance provenance) {
    this(schema, experiment, kind, runId, status, error, seed, sweep, params, dataset, provenance, null, List.of(), null,
        Slurm.current());
  }

  public static final int SCHEMA = 1;

  public RunRecord {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** The same with the script's description and notes, which the report page shows. */
  public RunRecord withNotes(String newDescription, List<String> newNotes) {
    return new RunRecord(schema, experiment, kind, runId, status, error, seed, sweep, params, dataset, provenance,
        newDescription, newNotes, owner, slurm);
  }

  /** The same with Slurm's part: the task it ran as, the arrays a sweep submitted, how Slurm ended it. */
  public RunRecord withSlurm(Slurm value) {
    return new RunRecord(schema, experiment, kind, runId, status, error, seed, sweep, params, dataset, provenance,
        description, notes, owner, value);
  }

  /**
   * Slurm's side of a run. A trial that ran as an array task records the task ({@code job_id}, {@code array_job_id},
   * {@code task_id}, {@code node}: Slurm's SLURM_JOB_ID, SLURM_ARRAY_JOB_ID, SLURM_ARRAY_TASK_ID, SLURMD_NODENAME),
   * and {@code state} when Slurm ended it before the run did (TIMEOUT, OUT_OF_MEMORY, PREEMPTED, NODE_FAIL,
   * CANCELLED). A sweep's summary run records {@code arrays}: the array job ids it submitted, first run and
   * every {@code --resume}, so {@code lab status} and {@code --resume} can ask Slurm about them.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Slurm(String jobId, String arrayJobId, String taskId, String node, String state,
      List<String> arrays) {
    /** The task this process runs as (from Slurm's environment), or null outside a Slurm job. */
    public static Slurm current() {
      Map<String, String> env = System.getenv();
      return env.get("SLURM_JOB_ID") == null ? null : new Slurm(env.get("SLURM_JOB_ID"), env.get("SLURM_ARRAY_JOB_ID"),
          env.get("SLURM_ARRAY_TASK_ID"), env.get("SLURMD_NODENAME"), null, null);
    }

    /** A sweep's record of the arrays it submitted. */
    public static Slurm submitted(List<String> arrays) {
      return new Slurm(null, null, null, null, null, List.copyOf(arrays));
    }

    /** The same task, ended by Slurm in {@code value} (its state name). */
    public Slurm endedIn(String value) {
      return new Slurm(jobId, arrayJobId, taskId, node, value, arrays);
    }

    /** "job 13 (array 12, task 1) on node1", for pages and tables; null for a summary's record. */
    public String describe() {
      if (jobId == null) {
        return null;
      }
      return "job " + jobId + (arrayJobId == null ? "" : " (array " + arrayJobId + ", task " + taskId + ")")
          + (node == null ? "" : " on " + node);
    }
  }

  /** The data a run used: ids, sizes and content digests of both parts, example shape, class names. */
  public record DatasetInfo(String id, Part train, Part test, List<Integer> shape, List<String> classes) {}

  /** One part of a dataset. */
  public record Part(String id, int size, String sha256) {}

  /**
   * A run's place in a sweep: the sweep's id, this trial's number (1-based) and the number of trials;
   * the sweep's summary run has {@code trial} 0 and lists the swept keys. {@code axes} records each swept
   * key's values, typed (JSON numbers, strings for categories), and its scale ({@code log}, {@code linear},
   * {@code categorical}): {@code "model.c": {"scale": "log", "values": [0.01, 0.0268, …]}}; empty when not known.
   * With {@code --repeat N} every trial runs N times: {@code repeats} is N (in the summary run too) and
   * {@code repeat} this run's index, 1 to N (0 in the summary run); both are left out of run.json
   * (0) when the sweep has no repeats.
   */
  public record SweepInfo(String id, int trial, int trials, List<String> keys,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Object>> axes,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int repeat,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int repeats,
      @JsonInclude(JsonInclude.Include.NON_NULL) Selection.Rule rank) {
    public SweepInfo {
      axes = axes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    public SweepInfo(String id, int trial, int trials, List<String> keys, Map<String, Map<String, Object>> axes) {
      this(id, trial, trials, keys, axes, 0, 0, null);
    }

    /** The same place, its best trial chosen by {@code value} (null: the kind's own rule). */
    public SweepInfo ranked(Selection.Rule value) {
      return new SweepInfo(id, trial, trials, keys, axes, repeat, repeats, value);
    }

    public SweepInfo(String id, int trial, int trials, List<String> keys) {
      this(id, trial, trials, keys, Map.of());
    }

    /** The same place, as repeat {@code index} of {@code of} (0 of N for the summary run). */
    public SweepInfo repeated(int index, int of) {
      return new SweepInfo(id, trial, trials, keys, axes, index, of, rank);
    }

    /** The sweep's axes as run.json records them, in the sweep's order. */
    public static Map<String, Map<String, Object>> axes(List<Axis> axes) {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      axes.forEach(axis -> out.put(axis.key(), axis.record()));
      return out;
    }
  }

  RunRecord withRunId(String value) {
    return new RunRecord(schema, experiment, kind, value, status, error, seed, sweep, params, dataset, provenance,
        description, notes, owner, slurm);
  }

  /** The same with other params: a search chose some values after the run began. */
  public RunRecord withParams(Map<String, Object> value) {
    return new RunRecord(schema, experiment, kind, runId, status, error, seed, sweep, value, dataset, provenance,
        description, notes, owner, slurm);
  }

  /** The same, owned by {@code value} (the process that writes the folder from now on). */
  RunRecord withOwner(Owner value) {
    return new RunRecord(schema, experiment, kind, runId, status, error, seed, sweep, params, dataset, provenance,
        description, notes, value, slurm);
  }

  public RunRecord withDataset(DatasetInfo value) {
    return new RunRecord(schema, experiment, kind, runId, status, error, seed, sweep, params, value, provenance,
        description, notes, owner, slurm);
  }


  /** The record of a stopped run going on from its checkpoint of {@code step}: running again, no error. */
  public RunRecord resumed(long step) {
    return new RunRecord(schema, experiment, kind, runId, RunStatus.RUNNING, null, seed, sweep, params, dataset,
        provenance.withResumedFrom(step), description, notes, owner, Slurm.current() == null ? slurm : Slurm.current());
  }

  public RunRecord ended(RunStatus newStatus, String newError, String endedAt) {
    return new RunRecord(schema, experiment, kind, runId, newStatus, newError, seed, sweep, params, dataset,
        provenance == null ? null : provenance.withEnded(endedAt), description, notes, owner, slurm);
  }
}
