import type { User } from '../../domain/user/user.js';
import type { UserView } from '../read-models.js';

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, status: user.active ? 'active' : 'disabled' };
}
