/**
 * deployment-tools: turns {@code deployment.template.json} into the deployment manifest of one
 * platform ({@code config/deployment.<platform>.json}), the way the IoT Edge tooling (iotedgedev)
 * does, ready for {@code az iot edge set-modules}.
 *
 * <p>{@link io.edgejava.deployment.RenderCommand} is the command; {@link
 * io.edgejava.deployment.DeploymentRenderer} applies the rules: module images from each module's
 * {@code module.json}, variables from {@code .env}, {@code createOptions} as strings in chunks.
 */
package io.edgejava.deployment;
