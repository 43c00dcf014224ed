package org.openvrm.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One file as a {@code multipart/form-data} body in the part "file", as a script uploads
 * it.
 */
record MultipartBody(String contentType, byte[] bytes) {

	static MultipartBody of(String fileName, byte[] file) {
		String boundary = "bench" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 300);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\n" + "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new MultipartBody("multipart/form-data; boundary=" + boundary, body.toByteArray());
	}
}
