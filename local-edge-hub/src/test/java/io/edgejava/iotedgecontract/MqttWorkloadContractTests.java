package io.edgejava.iotedgecontract;

import io.edgejava.edge.runtime.EdgeProperties;

/**
 * SDK modules over MQTT (TLS, 8883) that find the hub as on a device: {@code IOTEDGE_*} variables
 * and the workload API's Unix socket, which signs their tokens and gives them the CA.
 */
class MqttWorkloadContractTests extends IotEdgeTransportContract {

    @Override
    EdgeProperties.Protocol protocol() {
        return EdgeProperties.Protocol.MQTT;
    }

    @Override
    boolean workload() {
        return true;
    }
}
