/**
 * The ground floor: vocabulary every layer above shares. Here, the parameter model: a spec declares each
 * knob once as a {@link dev.labkit.ground.Param} in its {@link dev.labkit.ground.ParamTable}, and its
 * {@code params()}, {@code with(key, text)}, the constructor's checks, the unknown-key error (with the
 * nearest key, {@link dev.labkit.ground.Nearest}), the GAN checkpoint fingerprint and docs/dsl.md's tables
 * ({@link dev.labkit.ground.ParamDocs}) all derive from that list.
 */
package dev.labkit.ground;
