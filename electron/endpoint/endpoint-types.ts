// What the credential endpoint serves, as the core's `credentials:values` channel returns it.
export interface EndpointCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601. */
  expiration: string;
}
