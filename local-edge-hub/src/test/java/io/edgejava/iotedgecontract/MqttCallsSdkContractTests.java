package io.edgejava.iotedgecontract;

/**
 * {@link MixedTransportContractTests} the other way round: {@code alpha} on the {@code mqtt}
 * transport calls and sends to {@code beta} on the Azure IoT Device SDK, whose method answers go
 * back over {@code $iothub} and whose dead letters reach an {@code mqtt} module.
 */
class MqttCallsSdkContractTests extends MixedTransportContractTests {

    @Override
    String mqttModule() {
        return "alpha";
    }
}
