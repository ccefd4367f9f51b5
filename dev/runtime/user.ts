/** User (https://developers.google.com/apps-script/reference/base/user), as Session and Protection#getEditors return it. */
import { ServiceObject, type Access } from './service';

export class User extends ServiceObject {
  readonly kind = 'User';
  readonly methods: Record<string, Access>;
  /** `access`: what getEmail costs — free for Session's users, a document read for a protection's editors. */
  constructor(
    private readonly email: string,
    access: Access,
  ) {
    super();
    this.methods = { getEmail: access };
  }
  getEmail(): string {
    return this.email;
  }
}
