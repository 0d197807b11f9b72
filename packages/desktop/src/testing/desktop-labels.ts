/**
 * A LABEL instruction with the four labels Docker Desktop requires of every extension image, for
 * test folders that are not about labels: without it the host lists the missing ones as problems.
 */
export const desktopLabels =
  'LABEL org.opencontainers.image.title="Test extension" org.opencontainers.image.description="A folder a test made" ' +
  'org.opencontainers.image.vendor="dext tests" com.docker.desktop.extension.api.version=">= 0.3.4"\n';
