package io.edgejava.sensor.batch;

/**
 * A batch file, complete in the shared folder.
 *
 * @param fileName its name in the folder
 * @param rowCount how many samples it holds, header not counted
 * @param sha256 the SHA-256 of its bytes, 64 lowercase hex digits
 */
record BatchFile(String fileName, int rowCount, String sha256) {}
