export interface UserView {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
}
