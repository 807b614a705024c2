/**
 * The transform runtime: user-supplied WebAssembly transforms (the {@code abi} module's contract)
 * deployed over in-memory topics, as Streamline's embedded WASM transforms describe them (seed 001),
 * with the dead letters and {@code on_error} policies of Rapidbyte and the pipeline metrics of
 * RustMQ's ETL.
 *
 * <p>What this package owns:
 * <ul>
 *   <li>specs and pipelines: {@link dev.sandpiper.transforms.TransformSpec}, read and fully checked
 *       from YAML or JSON by {@link dev.sandpiper.transforms.Specs} (every mistake a
 *       {@link dev.sandpiper.transforms.Problem} with file, line and field, collected in an
 *       {@link dev.sandpiper.transforms.InvalidSpecException}), and
 *       {@link dev.sandpiper.transforms.Pipeline}, a checked graph of transforms without cycles;</li>
 *   <li>the embedded runtime {@link dev.sandpiper.transforms.TransformHost}: deploy, undeploy, pause,
 *       resume, status, metrics and hot reload; elastic instance pools; per-key ordering; routing,
 *       chaining and fan-out; {@code on_error} (dead letters, skip, fail);</li>
 *   <li>what it reports: {@link dev.sandpiper.transforms.TransformMetrics},
 *       {@link dev.sandpiper.transforms.TransformStatus}, {@link dev.sandpiper.transforms.DeadLetter},
 *       {@link dev.sandpiper.transforms.PipelineStoppedException}, and
 *       {@link dev.sandpiper.transforms.PrometheusText} for the metrics file;</li>
 *   <li>{@link dev.sandpiper.transforms.PipelineRun}: one run of a pipeline over JSON-lines files
 *       with deterministic output files ({@code sandpiper run}), and its
 *       {@link dev.sandpiper.transforms.RunReport}.</li>
 * </ul>
 *
 * <p>Package-private internals: {@code SpecParser} and {@code Node} (YAML/JSON with line numbers),
 * {@code Names} (name and topic rules), {@code Graph} (cycles); {@code Deployment} (admission in
 * sequence order, the reorder buffer that emits in input order, backpressure), {@code Generation}
 * (one module version: its lanes, one thread each, and its drain on reload), {@code InstancePool}
 * (1..instances runtimes, idle ones reclaimed), {@code EventKey}, {@code Message}, {@code Stats}.
 *
 * <p>Unlike the engine modules, this package runs threads of its own: one per lane of each deployed
 * transform, and one that reclaims idle instances.
 */
package dev.sandpiper.transforms;
